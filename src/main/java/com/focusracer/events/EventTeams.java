package com.focusracer.events;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.accounts.Account;
import com.focusracer.accounts.AccountManagement;
import com.focusracer.events.internal.EventRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team members on agreed terms: a photographer hired through the marketplace joins an
 * event's team with their share of the net sales of their photos and a note (their spot
 * on the course), which the shop applies to their sales.
 */
@Service
@Transactional
public class EventTeams {

	private static final int MAX_NOTE = 200;

	private final EventRepository events;

	private final EventManagement management;

	private final AccountManagement accounts;

	private final Clock clock;

	EventTeams(EventRepository events, EventManagement management, AccountManagement accounts, Clock clock) {
		this.events = events;
		this.management = management;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Adds a photographer on agreed terms, who may then upload to the event; their sales
	 * on it carry the agreed share. A member already there gets the new terms.
	 * @param eventId the event
	 * @param ownerId the owner, who agreed
	 * @param accountId the photographer's account
	 * @param sharePercent their share of the net sales of their photos (0–100), or null
	 * for the event's usual split
	 * @param note a note shown in the team, such as their spot on the course
	 * @throws EventNotFoundException when the caller does not own the event
	 */
	public void addTeamMember(UUID eventId, UUID ownerId, UUID accountId, Integer sharePercent, String note) {
		this.management.owned(eventId, ownerId);
		Account account = this.accounts.find(accountId)
			.filter((candidate) -> candidate.role().isPro() && candidate.enabled())
			.orElseThrow(() -> new EventException("event.team.noProAccount", accountId));
		if (account.id().equals(ownerId)) {
			throw new EventException("event.team.owner");
		}
		if (sharePercent != null && (sharePercent < 0 || sharePercent > 100)) {
			throw new IllegalArgumentException("Share out of range: " + sharePercent);
		}
		String shortNote = (note != null && note.length() > MAX_NOTE) ? note.substring(0, MAX_NOTE) : note;
		this.events.addMemberWithShare(eventId, accountId, sharePercent, shortNote, this.clock.instant());
		this.management.audit(ownerId, "event.photographerAdded", eventId,
				account.email() + ((sharePercent != null) ? " · " + sharePercent + " %" : ""));
	}

	/**
	 * The share of the net sales of their photos agreed with a team member.
	 * @param eventId the event
	 * @param accountId the photographer
	 * @return the percentage, empty when none was agreed
	 */
	@Transactional(readOnly = true)
	public Optional<Integer> teamShare(UUID eventId, UUID accountId) {
		return this.events.memberShare(eventId, accountId);
	}

	/**
	 * The note kept with a team member (their spot).
	 * @param eventId the event
	 * @param accountId the photographer
	 * @return the note, empty when none
	 */
	@Transactional(readOnly = true)
	public Optional<String> teamNote(UUID eventId, UUID accountId) {
		return this.events.memberNote(eventId, accountId);
	}

}
