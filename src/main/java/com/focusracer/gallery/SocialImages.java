package com.focusracer.gallery;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import com.focusracer.events.Event;
import com.focusracer.events.EventLinks;
import com.focusracer.gallery.internal.SmartCrop;
import com.focusracer.gallery.internal.TeaserPainter;
import com.focusracer.photos.Photo;
import com.focusracer.photos.ShareImages;
import com.focusracer.recognition.RunnerFraming;
import com.focusracer.shared.ratelimit.RateLimit;
import com.focusracer.shared.ratelimit.RateLimits;

import org.springframework.stereotype.Service;

/**
 * A runner's share images of a published photo: the crop centred on them in each share
 * format, and the teaser (the crop with the event's name, date, sponsor line, logo and
 * the short link to their photos). Watermarked for everyone; without watermark only for
 * the photo's buyer (the shop checks the right). Made on demand from the original, kept
 * in the blob store for every node under a name that changes with the runner's boxes and
 * the event's branding, and limited per client when made.
 */
@Service
public class SocialImages {

	/** The long side of the grey picture the saliency measure reads. */
	private static final int SALIENCY_SIZE = 256;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Gallery gallery;

	private final RunnerFraming framing;

	private final ShareImages images;

	private final EventLinks links;

	private final RateLimits limits;

	SocialImages(Gallery gallery, RunnerFraming framing, ShareImages images, EventLinks links, RateLimits limits) {
		this.gallery = gallery;
		this.framing = framing;
		this.images = images;
		this.links = links;
		this.limits = limits;
	}

	/**
	 * What to make.
	 */
	public enum Kind {

		/** The crop alone. */
		CROP,
		/** The crop with the event's band and the short link. */
		TEASER

	}

	/**
	 * A share image of a runner on a published photo of the event.
	 * @param event the event (the caller checked the viewer may see it)
	 * @param photo a published photo of the event
	 * @param bib a runner linked to the photo
	 * @param format the format
	 * @param kind crop or teaser
	 * @param watermarked false only for the photo's buyer
	 * @param client who asks (rate limit on the images made)
	 * @return the JPEG, or empty when the runner is not on the photo or the photo is not
	 * public
	 * @throws IOException when the store or the decoder fails
	 */
	public Optional<byte[]> image(Event event, Photo photo, String bib, ShareFormat format, Kind kind,
			boolean watermarked, String client) throws IOException {
		if (!photo.isPublic() || !photo.eventId().equals(event.id()) || bib == null
				|| !this.gallery.bibsOf(photo).contains(bib)) {
			return Optional.empty();
		}
		RunnerFraming.Place place = this.framing.place(event, photo.id(), bib);
		TeaserPainter.Caption caption = caption(event, bib);
		String name = format.key() + "-" + kind.name().toLowerCase(Locale.ROOT) + "-" + (watermarked ? "wm" : "clean")
				+ "-" + fingerprint(place, caption, event, kind) + ".jpg";
		Optional<byte[]> cached = this.images.cached(photo, bib, name);
		if (cached.isPresent()) {
			return cached;
		}
		this.limits.acquire(RateLimit.SHARE_IMAGE, client);
		Optional<BufferedImage> source = this.images.upright(photo);
		if (source.isEmpty()) {
			return Optional.empty();
		}
		BufferedImage upright = source.get();
		SmartCrop.Box crop = crop(upright, place, format);
		BufferedImage out = TeaserPainter.cut(upright, crop, format.width(), format.height());
		upright.flush();
		if (watermarked) {
			this.images.watermark(out, event);
		}
		if (kind == Kind.TEASER) {
			TeaserPainter.band(out, caption);
		}
		byte[] jpeg = this.images.jpeg(out);
		this.images.keep(photo, bib, name, jpeg);
		return Optional.of(jpeg);
	}

	/**
	 * The runner's best photo, for the link preview of their result page.
	 * @param event the event
	 * @param bib the runner
	 * @return their first photo in search order, or empty
	 */
	public Optional<Photo> bestPhoto(Event event, String bib) {
		return this.gallery.sequence(event, bib, 1).stream().findFirst();
	}

	static SmartCrop.Box crop(BufferedImage upright, RunnerFraming.Place place, ShareFormat format) {
		int w = upright.getWidth();
		int h = upright.getHeight();
		SmartCrop.Box bib = (place.bib() != null) ? box(place.bib(), w, h) : null;
		SmartCrop.Box face = (place.face() != null) ? box(place.face(), w, h) : null;
		SmartCrop.Box around = SmartCrop.around(w, h, format.aspect(), bib, face);
		if (around != null) {
			return around;
		}
		// Nobody located (a runner linked by hand or by a burst): the most detailed part.
		double scale = Math.min(1, SALIENCY_SIZE / (double) Math.max(w, h));
		int sw = Math.max(1, (int) Math.round(w * scale));
		int sh = Math.max(1, (int) Math.round(h * scale));
		BufferedImage small = TeaserPainter.cut(upright, new SmartCrop.Box(0, 0, w, h), sw, sh);
		int[] rgb = small.getRGB(0, 0, sw, sh, null, 0, sw);
		float[] grey = new float[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			int p = rgb[i];
			grey[i] = (0.299f * ((p >> 16) & 0xFF) + 0.587f * ((p >> 8) & 0xFF) + 0.114f * (p & 0xFF)) / 255f;
		}
		SmartCrop.Box salient = SmartCrop.salient(grey, sw, sh, format.aspect());
		return new SmartCrop.Box(salient.x() / scale, salient.y() / scale, Math.min(w, salient.width() / scale),
				Math.min(h, salient.height() / scale));
	}

	private static SmartCrop.Box box(double[] fractions, int w, int h) {
		return SmartCrop.Box.ofFractions(fractions[0], fractions[1], fractions[2], fractions[3], w, h);
	}

	/**
	 * The band's words. The date is in figures (14/06/2026): one image serves every
	 * language, and shared caches keep it by address alone.
	 */
	private TeaserPainter.Caption caption(Event event, String bib) {
		String link = this.links.runner(event, bib).replaceFirst("^https?://", "");
		String date = DATE.format(event.date());
		return new TeaserPainter.Caption(event.name(), date, event.sponsorText(), link, event.primaryColor(),
				this.images.logo(event).orElse(null));
	}

	/** What the image depends on besides its name: boxes, branding, language. */
	private static String fingerprint(RunnerFraming.Place place, TeaserPainter.Caption caption, Event event,
			Kind kind) {
		String text = Arrays.toString(place.bib()) + Arrays.toString(place.face()) + "|" + event.effectiveWatermark()
				+ "|" + event.primaryColor() + "|" + event.sponsorText() + "|"
				+ ((caption.logo() != null) ? caption.logo().getWidth() + "x" + caption.logo().getHeight() : "-")
				+ ((kind == Kind.TEASER) ? "|" + caption.name() + "|" + caption.date() + "|" + caption.link() : "");
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
