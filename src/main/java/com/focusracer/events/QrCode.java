package com.focusracer.events;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code of an address. ZXing only computes the matrix; the SVG (one path) and the PNG
 * are drawn here, each with the standard quiet zone of four modules. A QR code carries an
 * address only, never a name.
 */
public final class QrCode {

	/** The quiet zone the standard asks for around the symbol, in modules. */
	static final int QUIET_ZONE = 4;

	private final String text;

	private final BitMatrix matrix;

	private QrCode(String text, BitMatrix matrix) {
		this.text = text;
		this.matrix = matrix;
	}

	/**
	 * The QR code of an address, error correction level M (readable with a quarter of a
	 * printed banner's code dirty or folded).
	 * @param text the address
	 * @return the code
	 */
	public static QrCode of(String text) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			return new QrCode(text, matrix);
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Too long for a QR code: " + text.length() + " characters", ex);
		}
	}

	/**
	 * What the code says.
	 * @return the address
	 */
	public String text() {
		return this.text;
	}

	/**
	 * Modules per side, quiet zone included.
	 * @return the side
	 */
	public int side() {
		return this.matrix.getWidth() + 2 * QUIET_ZONE;
	}

	/**
	 * Whether a module is dark, in coordinates that include the quiet zone.
	 * @param x column
	 * @param y row
	 * @return true when dark
	 */
	boolean dark(int x, int y) {
		int mx = x - QUIET_ZONE;
		int my = y - QUIET_ZONE;
		return mx >= 0 && my >= 0 && mx < this.matrix.getWidth() && my < this.matrix.getHeight()
				&& this.matrix.get(mx, my);
	}

	/**
	 * The code as SVG: a white square and one path of the dark modules (runs of a row
	 * drawn as one rectangle), one user unit per module, scalable without blur.
	 * @param title the accessible title, may be null
	 * @return the SVG document
	 */
	public String svg(String title) {
		int side = side();
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < side; y++) {
			int x = 0;
			while (x < side) {
				if (!dark(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < side && dark(x, y)) {
					x++;
				}
				path.append('M')
					.append(start)
					.append(' ')
					.append(y)
					.append('h')
					.append(x - start)
					.append("v1h-")
					.append(x - start)
					.append('z');
			}
		}
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
			.append(side)
			.append(' ')
			.append(side)
			.append("\" shape-rendering=\"crispEdges\" role=\"img\">");
		if (title != null) {
			svg.append("<title>").append(escape(title)).append("</title>");
		}
		svg.append("<rect width=\"").append(side).append("\" height=\"").append(side).append("\" fill=\"#fff\"/>");
		svg.append("<path fill=\"#000\" d=\"").append(path).append("\"/></svg>");
		return svg.toString();
	}

	/**
	 * The code as a black-and-white PNG.
	 * @param moduleSize pixels per module (10 gives a code about 4 cm wide at 300 dpi)
	 * @return the PNG bytes
	 */
	public byte[] png(int moduleSize) {
		int scale = Math.max(1, Math.min(moduleSize, 40));
		int side = side();
		BufferedImage image = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_BYTE_BINARY);
		int[] white = new int[scale * scale];
		java.util.Arrays.fill(white, 0xFFFFFF);
		int[] black = new int[scale * scale];
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				image.setRGB(x * scale, y * scale, scale, scale, dark(x, y) ? black : white, 0, scale);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
