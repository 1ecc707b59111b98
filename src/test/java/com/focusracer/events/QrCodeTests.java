package com.focusracer.events;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QR codes drawn by the application read back, with ZXing's own reader, as the address
 * they were made of: the PNG as pixels, the SVG's single path redrawn module by module.
 */
class QrCodeTests {

	static final String GALLERY = "https://focusracer.example/events/trail-des-cretes-2026";

	@Test
	void thePngReadsBackAsTheAddress() throws Exception {
		String bibAddress = GALLERY + "?bib=1975";
		assertThat(decode(ImageIO.read(new ByteArrayInputStream(QrCode.of(bibAddress).png(8))))).isEqualTo(bibAddress);
		assertThat(decode(ImageIO.read(new ByteArrayInputStream(QrCode.of(GALLERY).png(3))))).isEqualTo(GALLERY);
	}

	@Test
	void theSvgIsOnePathWithAQuietZoneThatReadsBackAsTheAddress() throws Exception {
		QrCode code = QrCode.of(GALLERY);
		String svg = code.svg("Trail");
		assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
		assertThat(svg.split("<path", -1)).hasSize(2);
		int side = code.side();
		boolean[][] dark = new boolean[side][side];
		Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z")
			.matcher(svg.replaceAll(".*d=\"([^\"]*)\".*", "$1"));
		while (run.find()) {
			int x = Integer.parseInt(run.group(1));
			int y = Integer.parseInt(run.group(2));
			for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
				dark[y][x + i] = true;
			}
		}
		for (int i = 0; i < side; i++) {
			for (int q = 0; q < QrCode.QUIET_ZONE; q++) {
				assertThat(dark[q][i] || dark[side - 1 - q][i] || dark[i][q] || dark[i][side - 1 - q]).as("quiet zone")
					.isFalse();
			}
		}
		int scale = 6;
		BufferedImage image = new BufferedImage(side * scale, side * scale, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < side * scale; y++) {
			for (int x = 0; x < side * scale; x++) {
				image.setRGB(x, y, dark[y / scale][x / scale] ? 0 : 0xFFFFFF);
			}
		}
		assertThat(decode(image)).isEqualTo(GALLERY);
	}

	@Test
	void anAddressTooLongForAQrCodeIsRefused() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> QrCode.of("x".repeat(5000)));
	}

	static String decode(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE))
			.getText();
	}

}
