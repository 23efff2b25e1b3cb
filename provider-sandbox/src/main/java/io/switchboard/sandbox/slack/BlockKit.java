package io.switchboard.sandbox.slack;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message's Block Kit {@code blocks} checked against the limits Slack documents, so that a mistake our
 * notifier could make with buttons fails here as it would on Slack: {@code invalid_blocks}, with the
 * problems in Slack's {@code "<reason> [json-pointer:/blocks/…]"} form. Blocks and buttons without an id get
 * one, as Slack generates them.
 *
 * <p>Checked (Block Kit reference): at most 50 blocks; {@code block_id} at most 255 characters and unique in
 * the message; an {@code actions} block holds 1–25 {@code elements}; a {@code button} (in an {@code actions}
 * block or as a section's {@code accessory}) has a {@code plain_text} {@code text} of 1–75 characters, an
 * {@code action_id} of at most 255 characters unique within its block, a {@code value} of at most 2,000, a
 * {@code url} of at most 3,000 and a {@code style} of {@code primary} or {@code danger}. Other blocks and
 * elements only need a {@code type}.
 */
final class BlockKit {

    static final int MAX_BLOCKS = 50;
    static final int MAX_BLOCK_ID = 255;
    static final int MAX_ACTIONS_ELEMENTS = 25;
    static final int MAX_BUTTON_TEXT = 75;
    static final int MAX_ACTION_ID = 255;
    static final int MAX_BUTTON_VALUE = 2000;
    static final int MAX_BUTTON_URL = 3000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private BlockKit() {
    }

    /** Blocks sent as a URL-encoded JSON string (a form parameter); null when none were sent. */
    static ArrayNode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return normalise(JSON.readTree(raw));
        } catch (tools.jackson.core.JacksonException e) {
            throw new SlackApiError("invalid_blocks");
        }
    }

    /**
     * Checks blocks and returns a copy with generated {@code block_id}s and {@code action_id}s where missing.
     *
     * @throws SlackApiError {@code invalid_blocks}, listing every problem found
     */
    static ArrayNode normalise(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new SlackApiError("invalid_blocks");
        }
        ArrayNode blocks = (ArrayNode) node.deepCopy();
        List<String> errors = new ArrayList<>();
        if (blocks.size() > MAX_BLOCKS) {
            errors.add("no more than " + MAX_BLOCKS + " items allowed [json-pointer:/blocks]");
        }
        Set<String> blockIds = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String pointer = "/blocks/" + i;
            if (!block.isObject() || !isString(block.get("type"))) {
                errors.add("missing required field: type [json-pointer:" + pointer + "]");
                continue;
            }
            checkBlockId((ObjectNode) block, pointer, blockIds, errors);
            switch (block.get("type").asString()) {
                case "actions" -> checkActions((ObjectNode) block, pointer, errors);
                case "section" -> {
                    JsonNode accessory = block.get("accessory");
                    if (accessory != null && accessory.isObject() && "button".equals(text(accessory.get("type")))) {
                        checkButton((ObjectNode) accessory, pointer + "/accessory", new HashSet<>(), errors);
                    }
                }
                default -> {
                    // Other block types are stored as sent: the sandbox checks what our buttons rely on.
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SlackApiError("invalid_blocks", errors);
        }
        for (JsonNode block : blocks) {
            if (!block.has("block_id")) {
                ((ObjectNode) block).put("block_id", uniqueId(blockIds));
            }
        }
        return blocks;
    }

    private static void checkBlockId(ObjectNode block, String pointer, Set<String> seen, List<String> errors) {
        JsonNode id = block.get("block_id");
        if (id == null) {
            return;
        }
        if (!isString(id)) {
            errors.add("must be a string [json-pointer:" + pointer + "/block_id]");
        } else if (id.asString().length() > MAX_BLOCK_ID) {
            errors.add(tooLong(MAX_BLOCK_ID, pointer + "/block_id"));
        } else if (!seen.add(id.asString())) {
            errors.add("block_id must be unique in the message [json-pointer:" + pointer + "/block_id]");
        }
    }

    private static void checkActions(ObjectNode block, String pointer, List<String> errors) {
        JsonNode elements = block.get("elements");
        if (elements == null || !elements.isArray()) {
            errors.add("missing required field: elements [json-pointer:" + pointer + "]");
            return;
        }
        if (elements.isEmpty()) {
            errors.add("must provide at least 1 item [json-pointer:" + pointer + "/elements]");
        }
        if (elements.size() > MAX_ACTIONS_ELEMENTS) {
            errors.add("no more than " + MAX_ACTIONS_ELEMENTS + " items allowed [json-pointer:" + pointer + "/elements]");
        }
        Set<String> actionIds = new HashSet<>();
        for (int j = 0; j < elements.size(); j++) {
            JsonNode element = elements.get(j);
            String elementPointer = pointer + "/elements/" + j;
            if (!element.isObject() || !isString(element.get("type"))) {
                errors.add("missing required field: type [json-pointer:" + elementPointer + "]");
            } else if ("button".equals(element.get("type").asString())) {
                checkButton((ObjectNode) element, elementPointer, actionIds, errors);
            }
        }
    }

    private static void checkButton(ObjectNode button, String pointer, Set<String> actionIds, List<String> errors) {
        JsonNode text = button.get("text");
        if (text == null || !text.isObject()) {
            errors.add("missing required field: text [json-pointer:" + pointer + "]");
        } else {
            if (!"plain_text".equals(text(text.get("type")))) {
                errors.add("must be plain_text [json-pointer:" + pointer + "/text/type]");
            }
            String label = text(text.get("text"));
            if (label == null || label.isEmpty()) {
                errors.add("must be more than 0 characters [json-pointer:" + pointer + "/text/text]");
            } else if (label.length() > MAX_BUTTON_TEXT) {
                errors.add(tooLong(MAX_BUTTON_TEXT, pointer + "/text/text"));
            }
        }
        JsonNode actionId = button.get("action_id");
        if (actionId != null) {
            if (!isString(actionId)) {
                errors.add("must be a string [json-pointer:" + pointer + "/action_id]");
            } else if (actionId.asString().length() > MAX_ACTION_ID) {
                errors.add(tooLong(MAX_ACTION_ID, pointer + "/action_id"));
            } else if (!actionIds.add(actionId.asString())) {
                errors.add("action_id must be unique in the block [json-pointer:" + pointer + "/action_id]");
            }
        }
        checkOptionalString(button, "value", MAX_BUTTON_VALUE, pointer, errors);
        checkOptionalString(button, "url", MAX_BUTTON_URL, pointer, errors);
        JsonNode style = button.get("style");
        if (style != null && !"primary".equals(text(style)) && !"danger".equals(text(style))) {
            errors.add("must be one of primary, danger [json-pointer:" + pointer + "/style]");
        }
        if (actionId == null) {
            button.put("action_id", uniqueId(actionIds));
        }
    }

    private static void checkOptionalString(ObjectNode element, String field, int max, String pointer, List<String> errors) {
        JsonNode value = element.get(field);
        if (value == null) {
            return;
        }
        if (!isString(value)) {
            errors.add("must be a string [json-pointer:" + pointer + "/" + field + "]");
        } else if (value.asString().length() > max) {
            errors.add(tooLong(max, pointer + "/" + field));
        }
    }

    /** Slack's wording: a 75-character limit reads "must be less than 76 characters". */
    private static String tooLong(int max, String pointer) {
        return "must be less than " + (max + 1) + " characters [json-pointer:" + pointer + "]";
    }

    private static boolean isString(JsonNode node) {
        return node != null && node.isString();
    }

    private static String text(JsonNode node) {
        return isString(node) ? node.asString() : null;
    }

    /** A short id like the ones Slack generates ({@code P0zQf}), unused among {@code taken}. */
    private static String uniqueId(Set<String> taken) {
        String id;
        do {
            StringBuilder builder = new StringBuilder(5);
            for (int i = 0; i < 5; i++) {
                builder.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
            }
            id = builder.toString();
        } while (!taken.add(id));
        return id;
    }
}
