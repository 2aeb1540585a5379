package io.github.gpuenv.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a JSON document into Jackson's tree ({@link JsonNode}) with jackson-core's streaming parser, without an
 * {@code ObjectMapper}: the tree is what {@code new ObjectMapper().readTree(bytes)} gives (integers as int, long or
 * big-integer nodes by size, other numbers as doubles, the last of duplicate keys wins, empty input a
 * {@link MissingNode}), but a cold mapper loads about 300 databind classes (~120 ms of a cold CLI on a small
 * machine), and detection only needs to read two small documents with it ({@code daemon.json}, the engine's
 * {@code /version} and {@code /info}).
 *
 * <p>{@code JsonNode info = JsonTrees.read(bytes, false);}
 */
public final class JsonTrees {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTrees() {
    }

    /**
     * The tree of {@code content} (UTF-8, UTF-16 or UTF-32 JSON, as jackson-core detects it).
     *
     * @param failOnTrailingTokens whether content after the first value is an error (databind's
     *        {@code FAIL_ON_TRAILING_TOKENS}); otherwise it is ignored, as databind does by default
     * @throws com.fasterxml.jackson.core.JsonProcessingException when it is not JSON (the message is jackson-core's)
     * @throws IOException when reading fails
     */
    public static JsonNode read(byte[] content, boolean failOnTrailingTokens) throws IOException {
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return MissingNode.getInstance();
            }
            JsonNode value = value(parser, first);
            if (failOnTrailingTokens) {
                JsonToken trailing = parser.nextToken();
                if (trailing != null) {
                    throw new JsonParseException(parser, "Trailing token (of type " + trailing
                            + ") found after value");
                }
            }
            return value;
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT:
                ObjectNode object = nodes.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = nodes.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, t));
                }
                return array;
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                switch (parser.getNumberType()) {
                    case INT:
                        return nodes.numberNode(parser.getIntValue());
                    case LONG:
                        return nodes.numberNode(parser.getLongValue());
                    default:
                        return nodes.numberNode(parser.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return nodes.booleanNode(true);
            case VALUE_FALSE:
                return nodes.booleanNode(false);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                throw new JsonParseException(parser, "Unexpected token " + token);
        }
    }
}
