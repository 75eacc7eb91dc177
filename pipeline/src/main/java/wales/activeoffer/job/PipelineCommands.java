package wales.activeoffer.job;

/** The command-line words the application knows, and which of them run without the store. */
public final class PipelineCommands {
    private PipelineCommands() {
    }

    /** {@code validate} and {@code validate-mappings} need neither the database nor the child key. */
    public static boolean needsNoStore(String command) {
        return PipelineCommandLine.DRY_COMMANDS.contains(command);
    }
}
