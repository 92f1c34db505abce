package dev.closer.server.http;

import dev.closer.assistant.Assistant;
import dev.closer.assistant.CloserTools;
import dev.closer.tool.Json;
import tools.jackson.databind.node.ObjectNode;

/** The assistant's turns and tool outcomes on the wire (snake_case, as every Closer answer). */
final class ChatJson {

    private ChatJson() {
    }

    static ObjectNode turn(Assistant.Turn t) {
        ObjectNode out = Json.object();
        out.put("conversation_id", t.conversationId());
        out.put("trace_id", t.traceId());
        out.put("answer", t.answer());
        var calls = out.putArray("tool_calls");
        for (Assistant.Step s : t.steps()) {
            ObjectNode c = calls.addObject();
            c.put("tool", s.tool());
            c.set("arguments", s.arguments());
            c.put("ok", s.ok());
            if (!s.ok()) {
                c.putObject("error").put("code", s.errorCode()).put("message", s.errorMessage());
            }
            c.set("result", s.result());
        }
        ObjectNode usage = out.putObject("usage");
        usage.put("input_tokens", t.inputTokens());
        usage.put("output_tokens", t.outputTokens());
        usage.put("units_charged", t.unitsCharged());
        if (t.stopped() == null) {
            out.putNull("stopped");
        } else {
            out.putObject("stopped").put("code", t.stopped().code()).put("message", t.stopped().message());
        }
        return out;
    }

    static ObjectNode outcome(CloserTools.Outcome o) {
        ObjectNode d = Json.object();
        d.put("tool", o.name());
        d.put("ok", !o.isError());
        if (o.isError()) {
            d.set("error", Json.toTree(o.error()));
        }
        return d;
    }
}
