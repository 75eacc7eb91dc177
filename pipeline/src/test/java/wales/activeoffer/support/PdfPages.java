package wales.activeoffer.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of a PDF where it sits on each page, as PDFBox reads it: every run of text (a line of a cell, a header)
 * with its box in points from the top left and the size its smallest character is drawn at. Used to check what a
 * reader of the printed workbook sees: that no two lines are drawn over each other, that nothing is too small, and
 * that no line runs past the page's edge (the PDF holds a cut line whole, drawn within a clip).
 */
public final class PdfPages {

    /** A run of text on a page, and the box it takes. */
    public record Run(int page, String text, float left, float right, float top, float bottom, float smallestPoints,
            float pageWidth) {
        /** Whether the two runs' boxes cross by more than a sliver: one drawn over the other. */
        public boolean overlaps(Run other) {
            float across = Math.min(right, other.right) - Math.max(left, other.left);
            float down = Math.min(bottom, other.bottom) - Math.max(top, other.top);
            float height = Math.min(bottom - top, other.bottom - other.top);
            return page == other.page && across > 1 && down > 0.25f * height;
        }
    }

    private PdfPages() {
    }

    /** Draws one page (numbered from 1) as a PNG at 96 dots an inch, as a reader sees it on screen. */
    public static byte[] png(Path pdf, int page) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, 96);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        }
    }

    /** Every run of text of every page, pages numbered from 1, in reading order. */
    public static List<List<Run>> read(Path pdf) throws IOException {
        List<List<Run>> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (int p = 1; p <= document.getNumberOfPages(); p++) {
                List<Run> runs = new ArrayList<>();
                int page = p;
                float pageWidth = document.getPage(p - 1).getMediaBox().getWidth();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) {
                        if (text.isBlank() || positions.isEmpty()) {
                            return;
                        }
                        float left = Float.MAX_VALUE;
                        float right = -Float.MAX_VALUE;
                        float top = Float.MAX_VALUE;
                        float bottom = -Float.MAX_VALUE;
                        float smallest = Float.MAX_VALUE;
                        for (TextPosition c : positions) {
                            if (c.getUnicode().isBlank()) {
                                continue;
                            }
                            left = Math.min(left, c.getXDirAdj());
                            right = Math.max(right, c.getXDirAdj() + c.getWidthDirAdj());
                            top = Math.min(top, c.getYDirAdj() - c.getHeightDir());
                            bottom = Math.max(bottom, c.getYDirAdj());
                            smallest = Math.min(smallest, c.getFontSizeInPt());
                        }
                        runs.add(new Run(page, text.strip(), left, right, top, bottom, smallest, pageWidth));
                    }
                };
                stripper.setSortByPosition(true);
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                stripper.getText(document);
                pages.add(runs);
            }
        }
        return pages;
    }
}
