package dev.closer.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Every tool Closer serves, each a definition (from its schema file) bound to a handler. The only
 * way to run a handler is {@link #call}, which hands it to the policy chain: no door can go around.
 * Building fails, naming the tool, when a definition has no handler or a handler no definition.
 */
public final class ToolRegistry {

    /** The policy chain as the registry sees it (implemented in {@code policy/}). */
    public interface Chain {
        ToolResult run(ToolDefinition tool, ToolHandler handler, JsonNode inputs, CallContext context, Caller caller);

        /** Whether {@code profile} may see (list and call) the tool. */
        boolean visible(ToolDefinition tool, String profile);
    }

    private record Bound(ToolDefinition definition, ToolHandler handler) {
    }

    private final Map<String, Bound> tools;
    private final Chain chain;

    private ToolRegistry(Map<String, Bound> tools, Chain chain) {
        this.tools = tools;
        this.chain = chain;
    }

    /**
     * @param refusedNames tool names that must never be registered (e.g. anything that sends)
     */
    public static ToolRegistry build(List<ToolDefinition> definitions, Map<String, ToolHandler> handlers, Chain chain,
                                     Predicate<String> refusedNames) {
        Map<String, Bound> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ToolDefinition d : definitions) {
            if (refusedNames.test(d.name())) {
                problems.add("tool '" + d.name() + "' is not allowed: Closer never sends messages");
            } else if (!handlers.containsKey(d.name())) {
                problems.add("schema file " + d.name() + ".json has no handler");
            } else if (out.put(d.name(), new Bound(d, handlers.get(d.name()))) != null) {
                problems.add("tool '" + d.name() + "' is defined twice");
            }
        }
        for (String name : new TreeSet<>(handlers.keySet())) {
            if (definitions.stream().noneMatch(d -> d.name().equals(name))) {
                problems.add("handler '" + name + "' has no schema file tool-schemas/" + name + ".json");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("cannot register tools: " + String.join("; ", problems));
        }
        return new ToolRegistry(out, chain);
    }

    /** The tools {@code profile} may see, in name order. */
    public List<ToolDefinition> list(String profile) {
        return tools.values().stream().map(Bound::definition).filter(d -> chain.visible(d, profile))
                .sorted(java.util.Comparator.comparing(ToolDefinition::name)).toList();
    }

    public Optional<ToolDefinition> find(String name) {
        return Optional.ofNullable(tools.get(name)).map(Bound::definition);
    }

    public List<ToolDefinition> all() {
        return tools.values().stream().map(Bound::definition).sorted(java.util.Comparator.comparing(ToolDefinition::name)).toList();
    }

    /** Runs the tool through the chain. An unknown name is a protocol error, not a tool result. */
    public ToolResult call(String name, JsonNode inputs, CallContext context, Caller caller) {
        Bound b = name == null ? null : tools.get(name);
        if (b == null) {
            throw new UnknownToolException(name);
        }
        return chain.run(b.definition(), b.handler(), inputs == null ? Json.object() : inputs, context, caller);
    }
}
