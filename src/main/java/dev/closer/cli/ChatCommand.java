package dev.closer.cli;

import dev.closer.App;
import dev.closer.Main;
import dev.closer.assistant.Assistant;
import dev.closer.assistant.CloserTools;
import dev.closer.assistant.ModelSettings;
import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.ToolException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code closer chat}: the sales assistant in a terminal — a REPL with line editing and history,
 * answers streamed as they come, and a line for each tool call and its outcome (plain ASCII, so
 * it reads the same in any terminal and locale). {@code --ask TEXT}
 * answers one request and exits: the answer on stdout, the tool calls on stderr.
 */
@Command(name = "chat", description = "Talk to the sales assistant (needs a model: see CLOSER_LLM_* in the README).")
final class ChatCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Option(names = "--ask", paramLabel = "TEXT", description = "Answer this one request and exit.")
    String ask;

    @Option(names = "--conversation", paramLabel = "ID", description = "Continue this conversation of the profile.")
    String conversation;

    @Option(names = "--trace-id", paramLabel = "T", description = "Trace id for a new conversation (its tool calls are audited under it).")
    String traceId;

    @Override
    public Integer call() throws Exception {
        String missing = ModelSettings.fromEnvironment(System.getenv()).missing();
        if (missing != null) {
            System.err.println(missing);
            return 2;
        }
        try (App app = common.app()) {
            Assistant assistant = Main.assistant(app);
            Caller caller = Caller.local("chat");
            if (ask != null) {
                return once(assistant, caller);
            }
            return repl(app, assistant, caller);
        }
    }

    private int once(Assistant assistant, Caller caller) {
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            Assistant.Turn t = assistant.ask(caller, common.profile, conversation, traceId, ask, new Lines(err, null));
            System.out.println(t.answer());
            err.println(meta(t));
            return t.stopped() == null ? 0 : 1;
        } catch (ToolException refused) {
            err.println(refused.error().code() + ": " + refused.error().message());
            return 1;
        }
    }

    private int repl(App app, Assistant assistant, Caller caller) throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            Path history = app.settings().dataDir().resolve("chat_history");
            Files.createDirectories(history.getParent());
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("closer")
                    .variable(LineReader.HISTORY_FILE, history).build();
            PrintWriter out = terminal.writer();
            out.println("Closer assistant (profile " + common.profile + "). It drafts and analyses; it never sends."
                    + " /new starts a new conversation, /quit or Ctrl-D leaves.");
            String current = conversation;
            while (true) {
                String line;
                try {
                    line = reader.readLine("you> ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.equals("/quit") || line.equals("/exit")) {
                    return 0;
                }
                if (line.equals("/new")) {
                    current = null;
                    out.println("(a new conversation)");
                    continue;
                }
                try {
                    out.print("closer> ");
                    out.flush();
                    Assistant.Turn t = assistant.ask(caller, common.profile, current, current == null ? traceId : null, line,
                            new Lines(out, out));
                    current = t.conversationId();
                    out.println();
                    if (t.stopped() != null) {
                        out.println(t.answer());
                    }
                    out.println("  " + meta(t));
                } catch (ToolException refused) {
                    out.println(refused.error().code() + ": " + refused.error().message());
                }
                out.flush();
            }
        }
    }

    private static String meta(Assistant.Turn t) {
        return "(conversation " + t.conversationId() + ", trace " + t.traceId() + ", " + t.inputTokens() + " + " + t.outputTokens()
                + " tokens, " + t.unitsCharged() + " budget units" + (t.stopped() == null ? "" : ", stopped: " + t.stopped().code()) + ")";
    }

    /** Tool lines to {@code lines}; streamed answer text to {@code text} (null: not streamed). */
    private record Lines(PrintWriter lines, PrintWriter text) implements Assistant.Listener {
        @Override
        public void text(String delta) {
            if (text != null) {
                text.print(delta);
                text.flush();
            }
        }

        @Override
        public void toolCall(String name, JsonNode arguments) {
            lines.println();
            lines.println("  -> " + name + " " + abbreviate(arguments == null ? "" : Json.write(arguments)));
            lines.flush();
        }

        @Override
        public void toolResult(CloserTools.Outcome outcome) {
            if (outcome.isError()) {
                lines.println("  refused " + outcome.name() + ": " + outcome.error().code() + " - " + outcome.error().message());
            } else {
                lines.println("  ok " + outcome.name());
            }
            lines.flush();
        }

        private static String abbreviate(String s) {
            return s.length() > 160 ? s.substring(0, 157) + "..." : s;
        }
    }
}
