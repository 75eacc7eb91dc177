package wales.activeoffer.job;

import java.util.List;

/** The command-line words the application knows, and which of them run without the store. */
public final class PipelineCommands {
    private PipelineCommands() {
    }

    /** The commands that use the store (and the child key); every other word, a mistyped one too, touches neither. */
    static final List<String> STORE_COMMANDS = List.of("run", "serve", "status");

    /** Whether a command word needs neither the database nor the child key. */
    public static boolean needsNoStore(String command) {
        return !STORE_COMMANDS.contains(command);
    }
}
