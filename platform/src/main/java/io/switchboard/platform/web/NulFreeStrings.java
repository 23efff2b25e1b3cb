package io.switchboard.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses a NUL character (U+0000) in any JSON string a request carries. PostgreSQL cannot store it in text
 * and would refuse it deep inside a transaction (a 500); here it is a 400 naming the field, like any other
 * invalid value. Every other character, control characters included, is data and is kept as sent.
 */
final class NulFreeStrings extends StringDeserializer {

    static SimpleModule module() {
        return new SimpleModule("switchboard-nul-free-strings").addDeserializer(String.class, new NulFreeStrings());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\u0000') >= 0) {
            return (String) context.handleWeirdStringValue(String.class, value, "contains a NUL character (U+0000)");
        }
        return value;
    }
}
