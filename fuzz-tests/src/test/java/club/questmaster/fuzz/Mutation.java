package club.questmaster.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * The hostile values of contract §6, one kind at a time, drawn by {@link Draw} from a seeded {@link Random} (so a
 * run is reproducible from its seed, printed by the suite).
 */
enum Mutation {
    WRONG_TYPE, NULL, NUL_CHARACTER, HUGE_NUMBER, LARGEST_OF_TYPE, NEGATIVE_NUMBER, LONG_STRING, OVERSIZE_STRING,
    ARRAY_FOR_SCALAR, DEEP_NESTING, UNKNOWN_FIELD;

    /** Applied to every body field; LONG_STRING and UNKNOWN_FIELD once per body. */
    static final List<Mutation> PER_FIELD = List.of(WRONG_TYPE, NULL, NUL_CHARACTER, HUGE_NUMBER, LARGEST_OF_TYPE,
            NEGATIVE_NUMBER, OVERSIZE_STRING, ARRAY_FOR_SCALAR, DEEP_NESTING);
    /** Applied to every query and path parameter (a URL holds no 100 000 characters: 414 before any endpoint). */
    static final List<Mutation> PER_PARAMETER = List.of(WRONG_TYPE, NUL_CHARACTER, HUGE_NUMBER, LARGEST_OF_TYPE,
            NEGATIVE_NUMBER, OVERSIZE_STRING);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The mutated JSON value for a field whose schema is {@code schema} and whose valid value is {@code valid}. */
    JsonNode value(JsonNode schema, JsonNode valid, Random random) {
        String type = schema == null ? "string" : schema.path("type").asText("string");
        return switch (this) {
            case WRONG_TYPE -> switch (type) {
                case "string" -> Draw.oneOf(random, (JsonNode) JSON.numberNode(Draw.between(random, -1000, 1000)),
                        JSON.booleanNode(random.nextBoolean()), JSON.objectNode().put("nested", 1));
                case "integer", "number" -> Draw.oneOf(random,
                        (JsonNode) JSON.textNode(Integer.toString(Draw.between(random, 0, 100))),
                        JSON.booleanNode(true), JSON.numberNode(new BigDecimal("1.5")));
                case "boolean" -> Draw.oneOf(random, (JsonNode) JSON.textNode("true"), JSON.numberNode(1));
                case "array" -> Draw.oneOf(random, (JsonNode) JSON.textNode("x"), JSON.objectNode());
                default -> Draw.oneOf(random, (JsonNode) JSON.arrayNode(), JSON.textNode("x"), JSON.numberNode(1));
            };
            case NULL -> JSON.nullNode();
            case NUL_CHARACTER -> JSON.textNode(Draw.alpha(random, 0, 6) + "\u0000" + Draw.alpha(random, 0, 6));
            case HUGE_NUMBER -> JSON.numberNode(Draw.between(random, BigInteger.valueOf(Integer.MAX_VALUE),
                    BigInteger.TEN.pow(40), List.of(BigInteger.valueOf(Integer.MAX_VALUE).add(BigInteger.ONE),
                            BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.TEN.pow(30))));
            case LARGEST_OF_TYPE -> JSON.numberNode(largest(schema));
            case NEGATIVE_NUMBER -> JSON.numberNode(Draw.between(random, BigInteger.TEN.pow(30).negate(),
                    BigInteger.valueOf(-1), List.of(BigInteger.valueOf(-1),
                            BigInteger.valueOf(Integer.MIN_VALUE).subtract(BigInteger.ONE),
                            BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE))));
            case LONG_STRING -> JSON.textNode("x".repeat(100_000));
            case OVERSIZE_STRING -> {
                int max = schema != null && schema.has("maxLength") ? schema.get("maxLength").asInt() : 4_000;
                int length = Math.min(max + 1, 60_000);
                yield JSON.textNode(Draw.alpha(random, length, length));
            }
            case ARRAY_FOR_SCALAR -> JSON.arrayNode().add(valid == null ? JSON.textNode("x") : valid);
            case DEEP_NESTING -> nested(Draw.between(random, 33, 300));
            case UNKNOWN_FIELD -> JSON.numberNode(1);
        };
    }

    /** The mutated text of a query or path parameter. */
    String parameter(JsonNode schema, Random random) {
        return switch (this) {
            case WRONG_TYPE -> Draw.oneOf(random, "abc", "1.5", "true", "[]", "{}", "-", " ");
            case NUL_CHARACTER -> "a%00" + Draw.alpha(random, 0, 4);
            case HUGE_NUMBER -> Draw.oneOf(random, "2147483648", "9223372036854775808", "2147483647",
                    "99999999999999999999999999");
            case LARGEST_OF_TYPE -> Long.toString(largest(schema));
            case NEGATIVE_NUMBER -> Draw.oneOf(random, "-1", "0", "-2147483649", "-9223372036854775809");
            case OVERSIZE_STRING -> Draw.alpha(random, 1000, 1000);
            default -> throw new IllegalArgumentException(this + " is not a parameter mutation");
        };
    }

    /**
     * The largest value its type holds (2^63-1 for an int64, else 2^31-1): in range for the parser, so it reaches the
     * arithmetic behind it (a page's offset, a sum, a date plus that many days).
     */
    static long largest(JsonNode schema) {
        return schema != null && schema.path("format").asText().equals("int64") ? Long.MAX_VALUE : Integer.MAX_VALUE;
    }

    static ArrayNode nested(int depth) {
        ArrayNode root = JSON.arrayNode();
        ArrayNode current = root;
        for (int i = 1; i < depth; i++) {
            ArrayNode next = JSON.arrayNode();
            current.add(next);
            current = next;
        }
        return root;
    }

    static ObjectNode unknownField(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.put("fuzz_unknown_field", 1);
        return copy;
    }
}
