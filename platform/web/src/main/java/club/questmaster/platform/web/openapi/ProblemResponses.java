package club.questmaster.platform.web.openapi;

import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The parts of every service's OpenAPI document that follow from platform rules rather than from one endpoint
 * (docs/openapi.md, "What the platform adds"), so that no resource repeats them:
 *
 * <ul>
 *   <li>the {@code Problem} schema of contract §1 (application/problem+json, {@code code} among {@link ErrorCode});
 *   <li>the security requirement: an operation the scanner found secured ({@code @RolesAllowed},
 *       {@code @Authenticated}, {@code @PermissionsAllowed}) requires the bearer token; every other operation
 *       accepts an optional one (anonymous, or a token that is verified and may widen what the caller sees);
 *   <li>the 4xx answers the platform gives on any operation: 400 where there is input, 401 and 403 wherever a
 *       token may be sent (a bad token, a banned account, a refused role), 404 where the path names something,
 *       413 where there is a body; 406 where nothing else can be refused (no input, no token);
 *   <li>for every 4xx answer, declared here or on the resource: the problem+json content and one example per
 *       contract code the description names (e.g. "Full or closed (GAME_FULL, GAME_CLOSED)").
 * </ul>
 *
 * Runs at build time, after Quarkus' own filters, so the stored document (target/openapi) and {@code /q/openapi}
 * are the same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "ProblemFieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    /** Quarkus' own descriptions of the responses it adds, which say nothing a client can use. */
    private static final Set<String> GENERIC = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM_SCHEMA)) {
            components.addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema());
            components.addSchema(PROBLEM_SCHEMA, problemSchema());
        }
        String scheme = securitySchemeName(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                document(path.getKey(), path.getValue(), op.getValue(), scheme);
            }
        }
    }

    private static void document(String path, PathItem item, Operation op, String scheme) {
        if (op.getSecurity() == null) {
            // Not secured by annotation: anonymous callers are served, and a token, when sent, is verified.
            op.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement(),
                    OASFactory.createSecurityRequirement().addScheme(scheme))));
        }
        boolean tokenAccepted = op.getSecurity().stream().anyMatch(r -> r.hasScheme(scheme));
        boolean tokenRequired = tokenAccepted && op.getSecurity().stream().noneMatch(ProblemResponses::anonymous);
        boolean hasBody = op.getRequestBody() != null;
        boolean hasParameters = (op.getParameters() != null && !op.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty());

        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        if (hasBody || hasParameters) {
            standard(responses, "400", hasBody ? "Invalid request (VALIDATION_ERROR, MALFORMED_JSON)"
                    : "Invalid parameter (VALIDATION_ERROR)");
        }
        if (tokenAccepted) {
            standard(responses, "401", tokenRequired ? "No token, or a bad or expired one (UNAUTHENTICATED)"
                    : "A bad or expired token was sent (UNAUTHENTICATED)");
            standard(responses, "403", (tokenRequired ? "Not allowed for this caller (FORBIDDEN), banned "
                    + "(ACCOUNT_BANNED)" : "The token's account is banned (ACCOUNT_BANNED)")
                    + ", or a bot token without the operation's scope (INSUFFICIENT_SCOPE)");
        }
        if (path.contains("{")) {
            standard(responses, "404", "Not found (NOT_FOUND)");
        }
        if (hasBody) {
            standard(responses, "413", "Body over 64 KiB (PAYLOAD_TOO_LARGE)");
        }
        if (responses.getAPIResponses().keySet().stream().noneMatch(status -> status.startsWith("4"))) {
            // No input and no token: what is left to refuse is an Accept header that takes none of its media types.
            standard(responses, "406", "The Accept header allows none of the answer's media types (NOT_ACCEPTABLE)");
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("4") && response.getValue().getRef() == null) {
                asProblem(Integer.parseInt(response.getKey()), response.getValue());
            }
        }
    }

    private static boolean anonymous(SecurityRequirement requirement) {
        return requirement.getSchemes() == null || requirement.getSchemes().isEmpty();
    }

    /** Adds a platform answer unless the resource declared its own; replaces Quarkus' contentless descriptions. */
    private static void standard(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (existing.getDescription() == null || GENERIC.contains(existing.getDescription())) {
            existing.setDescription(description);
        }
    }

    /** problem+json content with one example per contract code named in the description (else the status's). */
    private static void asProblem(int status, APIResponse response) {
        List<String> codes = codesIn(response.getDescription());
        if (codes.isEmpty()) {
            Arrays.stream(ErrorCode.values()).filter(c -> c.status() == status).findFirst()
                    .ifPresent(c -> codes.add(c.name()));
        }
        Content content = response.getContent();
        MediaType media = content == null ? null : content.getMediaType(Problem.MEDIA_TYPE);
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent();
            response.setContent(content);
        } else if (media == null) {
            // A resource declared application/json for an error: errors are always problem+json.
            media = content.getMediaTypes().values().iterator().next();
            content.setMediaTypes(new LinkedHashMap<>());
        }
        if (media == null) {
            media = OASFactory.createMediaType();
        }
        if (media.getSchema() == null) {
            media.setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        }
        if ((media.getExamples() == null || media.getExamples().isEmpty()) && media.getExample() == null) {
            for (String code : codes) {
                ErrorCode errorCode = ErrorCode.valueOf(code);
                media.addExample(code, OASFactory.createExample().summary(errorCode.title())
                        .value(exampleOf(errorCode, status)));
            }
        }
        content.addMediaType(Problem.MEDIA_TYPE, media);
    }

    /** The contract codes a description names, in order, each once. */
    static List<String> codesIn(String description) {
        Set<String> found = new LinkedHashSet<>();
        if (description != null) {
            Matcher m = CODE.matcher(description);
            while (m.find()) {
                if (CODES.contains(m.group())) {
                    found.add(m.group());
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** What the problem mappers answer for this code (the status is the response's, for codes shared by two). */
    static Map<String, Object> exampleOf(ErrorCode code, int status) {
        Problem problem = Problem.of(code, code.title() + ".", code == ErrorCode.VALIDATION_ERROR
                ? List.of(new Problem.FieldError("name", "must not be blank")) : List.of());
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", problem.type());
        value.put("title", problem.title());
        value.put("status", status);
        value.put("detail", problem.detail());
        value.put("code", problem.code());
        value.put("errors", problem.errors().stream()
                .map(e -> Map.of("field", e.field(), "message", e.message())).toList());
        return value;
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem document (contract §1); `code` is stable, `title` and `detail` "
                        + "are for people.")
                .addRequired("type").addRequired("title").addRequired("status").addRequired("code")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .description("Identifies the kind of problem; one per code."))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status, repeated."))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong in this request."))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The contract's stable error code.")
                        .enumeration(Arrays.stream(ErrorCode.values()).<Object>map(Enum::name).toList()))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("The invalid fields, for VALIDATION_ERROR; empty otherwise.")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addRequired("field").addRequired("message")
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The JSON name of the field (snake_case, dotted when nested), or the query "
                                + "parameter."))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static String securitySchemeName(Components components) {
        if (components.getSecuritySchemes() != null && components.getSecuritySchemes().size() == 1) {
            return components.getSecuritySchemes().keySet().iterator().next();
        }
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.smallrye-openapi.security-scheme-name", String.class)
                .orElse("SecurityScheme");
    }
}
