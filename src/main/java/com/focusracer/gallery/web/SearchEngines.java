package com.focusracer.gallery.web;

import java.time.LocalDate;

import com.focusracer.events.Event;
import com.focusracer.gallery.EventSearch;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code robots.txt} and {@code sitemap.xml}: public events only (unlisted and private
 * events are reachable by link, never listed).
 */
@RestController
class SearchEngines {

	private final EventSearch search;

	SearchEngines(EventSearch search) {
		this.search = search;
	}

	@GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	String robots() {
		return """
				User-agent: *
				Allow: /
				Allow: /events/
				Disallow: /pro/
				Disallow: /admin/
				Disallow: /account/
				Disallow: /api/
				Disallow: /settings
				Sitemap: %s/sitemap.xml
				""".formatted(base());
	}

	@GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
	String sitemap() {
		String base = base();
		StringBuilder xml = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
				""");
		xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(base + "/")).append("</loc></url>\n");
		for (Event event : this.search.listed(null, LocalDate.now())) {
			xml.append("  <url><loc>")
				.append(HtmlUtils.htmlEscape(base + GalleryLinks.event(event)))
				.append("</loc></url>\n");
		}
		return xml.append("</urlset>\n").toString();
	}

	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
	}

}
