package com.focusracer.mail;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets of the links in an e-mail (password reset, invitation, sign-up and
 * e-mail-change tokens, order keys, download signatures, alert tokens), so that whoever
 * reads the outbox sees which link was sent, not how to open it. Query values are masked
 * except a few harmless ones; path segments that look like a secret (20 characters or
 * more of a URL-safe alphabet with a capital or an underscore, not a UUID: slugs are
 * lower case) are masked too.
 */
public final class LinkSecrets {

	/** What stands for a masked secret. */
	public static final String MASK = "•••";

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

	private static final Pattern QUERY_VALUE = Pattern.compile("([?&])([^=&#]+)=([^&#]*)");

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private static final Pattern SECRET_SEGMENT = Pattern.compile("[A-Za-z0-9_-]{20,}");

	private static final Set<String> HARMLESS = Set.of("bib", "lang", "page", "q");

	private LinkSecrets() {
	}

	/**
	 * The text with every link's secrets masked.
	 * @param text an e-mail body
	 * @return the same text, links masked
	 */
	public static String mask(String text) {
		if (text == null) {
			return null;
		}
		Matcher urls = URL.matcher(text);
		StringBuilder out = new StringBuilder();
		while (urls.find()) {
			urls.appendReplacement(out, Matcher.quoteReplacement(maskUrl(urls.group())));
		}
		urls.appendTail(out);
		return out.toString();
	}

	private static String maskUrl(String url) {
		int query = url.indexOf('?');
		String path = (query >= 0) ? url.substring(0, query) : url;
		String rest = (query >= 0) ? url.substring(query) : "";
		int root = path.indexOf('/', path.indexOf("//") + 2);
		StringBuilder masked = new StringBuilder((root >= 0) ? path.substring(0, root) : path);
		if (root >= 0) {
			for (String segment : path.substring(root + 1).split("/", -1)) {
				masked.append('/').append(looksSecret(segment) ? MASK : segment);
			}
		}
		Matcher values = QUERY_VALUE.matcher(rest);
		StringBuilder maskedQuery = new StringBuilder();
		while (values.find()) {
			String value = HARMLESS.contains(values.group(2)) ? values.group(3) : MASK;
			values.appendReplacement(maskedQuery,
					Matcher.quoteReplacement(values.group(1) + values.group(2) + "=" + value));
		}
		values.appendTail(maskedQuery);
		return masked.append(maskedQuery).toString();
	}

	private static boolean looksSecret(String segment) {
		if (!SECRET_SEGMENT.matcher(segment).matches() || UUID.matcher(segment).matches()) {
			return false;
		}
		// Slugs and words are lower case with hyphens; random secrets have capitals or
		// underscores.
		return !segment.equals(segment.toLowerCase(Locale.ROOT)) || segment.indexOf('_') >= 0;
	}

}
