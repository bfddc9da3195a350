package club.questmaster.web.view;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes a Qute {@link TemplateInstance} returned by a resource as UTF-8 HTML. Rendering is in-memory work (every
 * value is fetched before the template runs), so it does not block.
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public class TemplateWriter implements MessageBodyWriter<TemplateInstance> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return TemplateInstance.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(TemplateInstance page, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws java.io.IOException {
        headers.putSingle("Content-Type", MediaType.TEXT_HTML_TYPE.withCharset("UTF-8").toString());
        out.write(page.render().getBytes(StandardCharsets.UTF_8));
    }
}
