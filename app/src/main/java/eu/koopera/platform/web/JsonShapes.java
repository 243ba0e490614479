package eu.koopera.platform.web;

import io.micronaut.json.tree.JsonNode;

/** Names the kind of a JSON value, for messages such as "must be a string, not an array". */
final class JsonShapes {

    private JsonShapes() {
    }

    static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isString()) {
            return "a string";
        }
        return "null";
    }
}
