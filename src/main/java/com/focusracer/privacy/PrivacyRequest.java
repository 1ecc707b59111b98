package com.focusracer.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One personal-data request, as the register shows it.
 *
 * @param id the id
 * @param reference the short reference given to the requester, e.g. {@code DP-4K7M-Q2XZ}
 * @param type what is asked
 * @param status where it stands
 * @param accountId the requester's account, or {@code null} for a guest (and once erased)
 * @param email the requester's address, or {@code null} once erased
 * @param name the requester's name where known
 * @param language the language of the e-mails, {@code fr} or {@code en}
 * @param identityCheck how the requester's identity was checked
 * @param details what the requester wrote
 * @param photoLinks the photo pages the requester named
 * @param createdAt when it was filed
 * @param receivedAt when identity was checked and the deadline started
 * @param dueAt the deadline (one month, up to three with an extension)
 * @param extensionMonths the months added to the deadline (0 to 2)
 * @param extensionReason why, as the requester was told
 * @param respondedAt when it was answered
 * @param responseFormat how it was answered (an export, an e-mail…)
 * @param refusalReason why it was refused
 * @param operatorEmail the admin who handled it
 * @param exportSha256 the SHA-256 of the export sent, never the export
 * @param exportDownloadedAt when the export link was used
 */
public record PrivacyRequest(UUID id, String reference, RequestType type, RequestStatus status, UUID accountId,
		String email, String name, String language, IdentityCheck identityCheck, String details,
		List<String> photoLinks, Instant createdAt, Instant receivedAt, Instant dueAt, int extensionMonths,
		String extensionReason, Instant respondedAt, String responseFormat, String refusalReason, String operatorEmail,
		String exportSha256, Instant exportDownloadedAt) {

	/**
	 * Whether the deadline has passed on an open request.
	 * @param now the time now
	 * @return true when overdue
	 */
	public boolean overdue(Instant now) {
		return this.status.open() && this.dueAt != null && this.dueAt.isBefore(now);
	}

	/**
	 * Whether an open request is due within 7 days.
	 * @param now the time now
	 * @return true when due soon (and not yet overdue)
	 */
	public boolean dueSoon(Instant now) {
		return this.status.open() && this.dueAt != null && !this.dueAt.isBefore(now)
				&& this.dueAt.isBefore(now.plus(java.time.Duration.ofDays(7)));
	}

	/**
	 * How a requester's identity was checked.
	 */
	public enum IdentityCheck {

		/** Filed from a signed-in account. */
		SIGNED_IN,
		/** Proved by following a link sent to the address. */
		EMAIL_LINK,
		/** Signed in, the password typed again (self-service account deletion). */
		PASSWORD,
		/** Decided by an admin (an account deleted from the back office). */
		ADMIN

	}

}
