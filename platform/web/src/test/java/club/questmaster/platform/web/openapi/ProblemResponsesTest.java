package club.questmaster.platform.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private static final String SCHEME = "SecurityScheme";

    private static OpenAPI document(String path, Operation op) {
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSecurityScheme(SCHEME,
                        OASFactory.createSecurityScheme().type(
                                org.eclipse.microprofile.openapi.models.security.SecurityScheme.Type.HTTP)
                                .scheme("bearer")))
                .paths(OASFactory.createPaths().addPathItem(path, OASFactory.createPathItem().POST(op)));
        new ProblemResponses().filterOpenAPI(openAPI);
        return openAPI;
    }

    private static Operation post() {
        return OASFactory.createOperation().operationId("register").summary("Take a seat")
                .responses(OASFactory.createAPIResponses().addAPIResponse("201",
                        OASFactory.createAPIResponse().description("Registered")));
    }

    private static Operation secured() {
        return post().addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
    }

    @Test
    void anOperationNotSecuredByAnnotationAcceptsAnOptionalBearerToken() {
        Operation op = post();
        document("/api/v1/games", op);
        assertEquals(2, op.getSecurity().size());
        assertTrue(op.getSecurity().get(0).getSchemes().isEmpty(), "anonymous alternative");
        assertTrue(op.getSecurity().get(1).hasScheme(SCHEME));
        assertNotNull(op.getResponses().getAPIResponse("401"), "a bad token is refused even where none is needed");
    }

    @Test
    void aSecuredOperationKeepsItsRequirementAndGets401And403Problems() {
        Operation op = secured();
        document("/api/v1/admin/users", op);
        assertEquals(1, op.getSecurity().size());
        assertEquals("UNAUTHENTICATED", exampleCodes(op.getResponses().getAPIResponse("401")).get(0));
        assertEquals(List.of("FORBIDDEN", "ACCOUNT_BANNED", "INSUFFICIENT_SCOPE"),
                exampleCodes(op.getResponses().getAPIResponse("403")));
    }

    @Test
    void aDeclaredConflictBecomesProblemJsonWithOneExamplePerCodeItNames() {
        Operation op = secured();
        op.getResponses().addAPIResponse("409", OASFactory.createAPIResponse()
                .description("Full or closed (GAME_FULL, GAME_CLOSED); not a code: GAME_OVER"));
        document("/api/v1/games/{slug}/registrations", op);
        APIResponse conflict = op.getResponses().getAPIResponse("409");
        assertEquals(List.of("GAME_FULL", "GAME_CLOSED"), exampleCodes(conflict));
        MediaType media = conflict.getContent().getMediaType("application/problem+json");
        assertEquals("#/components/schemas/Problem", media.getSchema().getRef());
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) media.getExamples().get("GAME_FULL").getValue();
        assertEquals(409, value.get("status"));
        assertEquals("https://questmaster.club-jdr.fr/problems/game-full", value.get("type"));
    }

    @Test
    void aPathNamingAResourceGets404AndNoBodyMeansNo413() {
        Operation op = secured();
        document("/api/v1/games/{slug}/close", op);
        assertNotNull(op.getResponses().getAPIResponse("404"));
        assertNull(op.getResponses().getAPIResponse("413"));
        assertNull(op.getResponses().getAPIResponse("400"), "no parameter and no body: nothing to be invalid");
    }

    @Test
    void anOperationWithoutInputOrTokenCanOnlyRefuseTheAcceptHeader() {
        Operation op = post();
        op.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
        document("/.well-known/jwks.json", op);
        assertEquals(List.of("201", "406"), List.copyOf(op.getResponses().getAPIResponses().keySet()));
        assertEquals(List.of("NOT_ACCEPTABLE"), exampleCodes(op.getResponses().getAPIResponse("406")));
    }

    @Test
    void aBodyMeans400And413() {
        Operation op = secured().requestBody(OASFactory.createRequestBody());
        document("/api/v1/games", op);
        assertEquals(List.of("VALIDATION_ERROR", "MALFORMED_JSON"),
                exampleCodes(op.getResponses().getAPIResponse("400")));
        assertEquals(List.of("PAYLOAD_TOO_LARGE"), exampleCodes(op.getResponses().getAPIResponse("413")));
    }

    @Test
    void aResourcesOwnDescriptionIsKeptAndQuarkusGenericOnesReplaced() {
        Operation op = secured();
        op.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized"));
        op.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().description("Only its gm (FORBIDDEN)"));
        document("/api/v1/games", op);
        assertFalse(op.getResponses().getAPIResponse("401").getDescription().equals("Not Authorized"));
        assertEquals("Only its gm (FORBIDDEN)", op.getResponses().getAPIResponse("403").getDescription());
    }

    @Test
    void theProblemSchemaIsAddedOnceWithEveryContractCode() {
        OpenAPI openAPI = document("/api/v1/games", post());
        new ProblemResponses().filterOpenAPI(openAPI);
        var code = openAPI.getComponents().getSchemas().get("Problem").getProperties().get("code");
        assertTrue(code.getEnumeration().contains("GAME_FULL"));
        assertTrue(openAPI.getComponents().getSchemas().containsKey("ProblemFieldError"));
    }

    @Test
    void codesAreReadFromTheDescriptionInOrderOnce() {
        assertEquals(List.of("NAME_TAKEN", "IN_USE"), ProblemResponses.codesIn("NAME_TAKEN or IN_USE (NAME_TAKEN)"));
        assertTrue(ProblemResponses.codesIn("Wrong username or password").isEmpty());
        assertTrue(ProblemResponses.codesIn(null).isEmpty());
    }

    private static List<String> exampleCodes(APIResponse response) {
        return List.copyOf(response.getContent().getMediaType("application/problem+json").getExamples().keySet());
    }
}
