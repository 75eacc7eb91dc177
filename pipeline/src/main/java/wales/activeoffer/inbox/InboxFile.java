package wales.activeoffer.inbox;

import java.nio.file.Path;

/** A file a regional lead dropped into their region's inbox folder. */
public record InboxFile(String regionCode, Path path) {

    public String fileName() {
        return path.getFileName().toString();
    }
}
