package club.questmaster.users;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import club.questmaster.platform.testing.DevStackResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JWKS publishes the signing key under the kid the tokens carry. */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class JwksTest {

    @Test
    void theJwksHoldsTheKeyThatSignsTheTokens() throws Exception {
        JsonPath jwks = given().get("/.well-known/jwks.json").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        List<Map<String, String>> keys = jwks.getList("keys");
        Map<String, String> current = keys.get(0);
        assertEquals("RSA", current.get("kty"));
        assertEquals("RS256", current.get("alg"));
        assertEquals("sig", current.get("use"));

        String token = Api.superuserToken();
        String kid = new ObjectMapper().readTree(Api.jwtPart(token, 0)).get("kid").asText();
        assertEquals(current.get("kid"), kid);

        // The published modulus is the test key pair's public key.
        String pem = new String(getClass().getResourceAsStream("/questmaster-test-keys/public.pem").readAllBytes())
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        RSAPublicKey expected = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        assertEquals(expected.getModulus(), new BigInteger(1, Base64.getUrlDecoder().decode(current.get("n"))));
    }
}
