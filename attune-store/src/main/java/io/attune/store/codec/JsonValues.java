package io.attune.store.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON values from a streaming parser into what Jackson's object mapper makes of them when
 * asked for untyped values (what {@link Json#read} gives): ordered maps, lists, strings, booleans,
 * {@code null}, integers as {@code Integer}, {@code Long} or {@code BigInteger} by size, other numbers
 * as {@code Double}. A codec that streams skips the mapper's per-document set-up, which costs as much
 * as reading a stored event.
 */
final class JsonValues {
    private JsonValues() {
    }

    /** The value the parser's current token starts; the parser is left on its last token. */
    static Object read(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == null) {
            throw new IOException("stored JSON ends where a value was expected");
        }
        switch (token) {
            case START_OBJECT:
                return object(json);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(json));
                }
                return list;
            case VALUE_STRING:
                return json.getText();
            case VALUE_NUMBER_INT:
                return json.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return json.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("stored JSON has " + token + " where a value was expected");
        }
    }

    /** The object the parser's current token ({@code START_OBJECT}) starts. */
    static Map<String, Object> object(JsonParser json) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        String field;
        while ((field = json.nextFieldName()) != null) {
            json.nextToken();
            map.put(field, read(json));
        }
        return map;
    }
}
