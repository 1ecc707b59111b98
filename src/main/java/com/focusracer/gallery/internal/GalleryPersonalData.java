package com.focusracer.gallery.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.mail.Outbox;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoActions;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PersonalData;
import com.focusracer.privacy.PersonalDataExport;
import com.focusracer.shared.SiteUrl;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's favourites, photo alerts, "this is me" claims and hide requests; on erasure
 * also the photos they asked to be withdrawn, hidden from the gallery and the shop, each
 * photographer told.
 */
@Component
@Order(10)
class GalleryPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	private final PhotoManagement photos;

	private final PhotoActions actions;

	private final EventManagement events;

	private final AccountManagement accounts;

	private final Outbox outbox;

	private final MessageSource messages;

	private final SiteUrl site;

	GalleryPersonalData(JdbcClient jdbc, PhotoManagement photos, PhotoActions actions, EventManagement events,
			AccountManagement accounts, Outbox outbox, MessageSource messages, SiteUrl site) {
		this.jdbc = jdbc;
		this.photos = photos;
		this.actions = actions;
		this.events = events;
		this.accounts = accounts;
		this.outbox = outbox;
		this.messages = messages;
		this.site = site;
	}

	@Override
	public String part() {
		return "gallery";
	}

	@Override
	public void export(Person person, PersonalDataExport export) throws IOException {
		List<Map<String, Object>> favourites = new ArrayList<>();
		if (person.hasAccount()) {
			for (Map<String, Object> row : this.jdbc
				.sql("select photo_id, created_at from favourite where account_id = ? order by created_at")
				.param(person.accountId())
				.query()
				.listOfRows()) {
				Map<String, Object> favourite = new LinkedHashMap<>(row);
				favourite.put("photo_page", page((UUID) row.get("photo_id")));
				favourites.add(favourite);
			}
			export.table("runner-claims", this.jdbc
				.sql("select event_id, bib, created_at from runner_claim where account_id = ? order by created_at")
				.param(person.accountId())
				.query()
				.listOfRows());
			export.table("hide-requests", this.jdbc.sql("""
					select photo_id, event_id, status, created_at, decided_at from hide_request
					where account_id = ? order by created_at""").param(person.accountId()).query().listOfRows());
		}
		export.table("favourites", favourites);
		export.table("photo-alerts",
				this.jdbc.sql("""
						select event_id, bib, email, language, created_at, confirmed_at, unsubscribed_at, last_sent_at
						from photo_alert where lower(email) = ? order by created_at""")
					.param(person.email())
					.query()
					.listOfRows());
	}

	@Override
	public List<Erased> erase(Erasure erasure) {
		List<Erased> done = new ArrayList<>();
		int withdrawn = 0;
		for (UUID photoId : (erasure.scope() == Erasure.Scope.FACES) ? java.util.Set.<UUID>of()
				: erasure.photosToWithdraw()) {
			var photo = this.photos.get(photoId);
			if (photo.isPresent() && this.actions.hideOnRequest(photoId)) {
				withdrawn++;
				tellPhotographer(photo.get(), erasure.reference());
			}
		}
		done.add(new Erased("photos withdrawn, photographers told", withdrawn));
		if (!erasure.everything()) {
			return done;
		}
		Person person = erasure.person();
		done.add(new Erased("photo alerts deleted",
				this.jdbc.sql("delete from photo_alert where lower(email) = ?").param(person.email()).update()));
		if (person.hasAccount()) {
			done.add(new Erased("favourites deleted",
					this.jdbc.sql("delete from favourite where account_id = ?").param(person.accountId()).update()));
			done.add(new Erased("claims deleted",
					this.jdbc.sql("delete from runner_claim where account_id = ?").param(person.accountId()).update()));
			// The photos stay hidden: only who asked is forgotten.
			done.add(new Erased("hide requests deleted",
					this.jdbc.sql("delete from hide_request where account_id = ?").param(person.accountId()).update()));
		}
		return done;
	}

	private void tellPhotographer(Photo photo, String reference) {
		this.accounts.find(photo.uploaderId()).ifPresent((photographer) -> {
			Locale locale = Locale.forLanguageTag(photographer.locale());
			String event = this.events.get(photo.eventId()).map(Event::name).orElse("");
			Object[] args = { photo.fileName(), event, reference };
			this.outbox.queue(photographer.email(),
					this.messages.getMessage("privacy.mail.photographer.subject", args, locale),
					this.messages.getMessage("privacy.mail.photographer.body", args, locale));
		});
	}

	private String page(UUID photoId) {
		return this.photos.get(photoId)
			.flatMap((photo) -> this.events.get(photo.eventId()))
			.map((event) -> this.site.root() + "/events/" + event.slug() + "/photos/" + photoId)
			.orElse(null);
	}

}
