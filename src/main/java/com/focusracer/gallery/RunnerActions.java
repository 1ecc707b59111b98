package com.focusracer.gallery;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.accounts.AccountPrincipal;
import com.focusracer.events.Event;
import com.focusracer.events.EventManagement;
import com.focusracer.events.EventNotFoundException;
import com.focusracer.gallery.internal.GalleryRepository;
import com.focusracer.photos.Photo;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.privacy.AuditLog;
import com.focusracer.recognition.BibCorrections;
import com.focusracer.shared.Bib;
import com.focusracer.shared.UserMistakeException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in runner says about a photo: "this is me" (their bib is linked to it),
 * "not me" (their bib is unlinked), "hide me" (hidden from the public at once, then
 * reviewed by the event's team). Each re-links the photo's burst and goes in the audit
 * log. A runner has one bib per event: the one they first said.
 */
@Service
public class RunnerActions {

	private final GalleryRepository repository;

	private final BibCorrections corrections;

	private final PhotoManagement photos;

	private final com.focusracer.photos.PhotoActions actions;

	private final EventManagement events;

	private final AuditLog audit;

	private final Clock clock;

	RunnerActions(GalleryRepository repository, BibCorrections corrections, PhotoManagement photos,
			EventManagement events, AuditLog audit, Clock clock, com.focusracer.photos.PhotoActions actions) {
		this.repository = repository;
		this.corrections = corrections;
		this.photos = photos;
		this.actions = actions;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The bib a runner said was theirs at an event.
	 * @param accountId the runner
	 * @param eventId the event
	 * @return the bib, if they said one
	 */
	public Optional<String> claimedBib(UUID accountId, UUID eventId) {
		return this.repository.claimedBib(accountId, eventId);
	}

	/**
	 * "This is me" or "not me".
	 * @param event the event
	 * @param photo a published photo of it
	 * @param runner the signed-in runner
	 * @param bib the bib they searched or typed (their bib at this event)
	 * @param present true for "this is me"
	 * @return the bib used
	 */
	@Transactional
	public String say(Event event, Photo photo, AccountPrincipal runner, String bib, boolean present) {
		String clean = Bib.normalise(bib);
		Optional<String> claimed = this.repository.claimedBib(runner.id(), event.id());
		if (claimed.isPresent() && !clean.isEmpty() && !claimed.get().equals(clean)) {
			throw new UserMistakeException("gallery.claim.otherBib", claimed.get());
		}
		String used = Bib.parse(claimed.orElse(clean))
			.orElseThrow(() -> new UserMistakeException("gallery.claim.bibNeeded"))
			.value();
		this.repository.claim(runner.id(), event.id(), used, this.clock.instant());
		this.corrections.runnerSays(photo.id(), used, present, runner.id());
		this.audit.record(runner.id(), runner.email(), present ? "photo.thisIsMe" : "photo.notMe", "photo",
				photo.id().toString(), "bib " + used + (present ? " linked" : " unlinked") + " by the runner");
		return used;
	}

	/**
	 * "Hide me": the photo leaves the public gallery at once and waits for the team.
	 * @param event the event
	 * @param photo a published photo of it
	 * @param runner the signed-in runner
	 */
	@Transactional
	public void hide(Event event, Photo photo, AccountPrincipal runner) {
		if (this.actions.hideOnRequest(photo.id())) {
			this.repository.insertHideRequest(UUID.randomUUID(), photo.id(), event.id(), runner.id(),
					this.clock.instant());
			this.audit.record(runner.id(), runner.email(), "photo.hideRequested", "photo", photo.id().toString(),
					"hidden at the request of a runner, waiting for the event's team");
		}
	}

	/**
	 * The hide requests an event's team has to review.
	 * @param eventId the event
	 * @param accountId a member of its team
	 * @return the pending requests, oldest first
	 */
	public List<GalleryRepository.HideRequest> pendingHides(UUID eventId, UUID accountId) {
		this.events.find(eventId, accountId).orElseThrow(EventNotFoundException::new);
		return this.repository.hideRequests(eventId, "PENDING");
	}

	/**
	 * The hide requests still waiting for a team's decision on every event, for the
	 * platform's admins (the caller checked the role).
	 * @param limit the most to return
	 * @return the requests, oldest first
	 */
	public List<HideReport> pendingHidesForAdmins(int limit) {
		return this.repository.pendingHideRequests(limit)
			.stream()
			.map((request) -> new HideReport(request.photoId(), request.eventId(), request.createdAt()))
			.toList();
	}

	/**
	 * The event a hide request is about.
	 * @param requestId the request
	 * @return the event's id
	 */
	public UUID eventOfHideRequest(UUID requestId) {
		return this.repository.hideRequest(requestId)
			.map(GalleryRepository.HideRequest::eventId)
			.orElseThrow(EventNotFoundException::new);
	}

	/**
	 * The team's decision on a hide request: the event's owner decides for every photo, a
	 * photographer for the photos they uploaded.
	 * @param requestId the request
	 * @param member the team member
	 * @param keepHidden true to keep the photo hidden, false to publish it again
	 * @return the event of the request
	 * @throws com.focusracer.photos.NotYoursException when a photographer decides on
	 * another's photo
	 */
	@Transactional
	public UUID decide(UUID requestId, AccountPrincipal member, boolean keepHidden) {
		GalleryRepository.HideRequest request = this.repository.hideRequest(requestId)
			.filter((r) -> this.events.find(r.eventId(), member.id()).isPresent())
			.orElseThrow(EventNotFoundException::new);
		this.photos.get(request.photoId())
			.filter((photo) -> !this.actions.mayChange(photo, member.id()))
			.ifPresent((photo) -> {
				throw new com.focusracer.photos.NotYoursException(photo.id());
			});
		if (this.repository.decide(requestId, keepHidden ? "KEPT_HIDDEN" : "RESTORED", member.id(),
				this.clock.instant())) {
			if (!keepHidden) {
				this.actions.hide(request.photoId(), member.id(), false);
			}
			this.audit.record(member.id(), member.email(), keepHidden ? "photo.hideKept" : "photo.hideRefused", "photo",
					request.photoId().toString(),
					keepHidden ? "kept hidden as the runner asked" : "published again after review");
		}
		return request.eventId();
	}

}
