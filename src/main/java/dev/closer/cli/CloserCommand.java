package dev.closer.cli;

import dev.closer.Main;
import picocli.CommandLine.Command;

/** {@code closer}: the top-level command; each door and utility is a subcommand. */
@Command(name = "closer", mixinStandardHelpOptions = true, version = "closer " + Main.VERSION,
        description = "Sales tool server for LLM agents: MCP (stdio, Streamable HTTP) and REST, one policy chain.",
        subcommands = {ServeCommand.class, StdioCommand.class, ToolsCommand.class, CallCommand.class,
            ImportCommand.class, DoctorCommand.class, ChatCommand.class})
public final class CloserCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.err);
    }
}
