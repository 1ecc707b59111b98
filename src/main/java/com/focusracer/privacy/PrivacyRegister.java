package com.focusracer.privacy;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.focusracer.privacy.internal.Csv;
import com.focusracer.privacy.internal.PrivacyMails;
import com.focusracer.privacy.internal.RequestRepository;
import com.focusracer.privacy.internal.StepRepository;
import com.focusracer.shared.UserMistakeException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of personal-data requests, as the admins keep it: deadlines (one month,
 * extended by up to two more only with a reason the requester is told), what was done per
 * part of the system, the answer or the refusal and who gave it.
 */
@Service
@Transactional
public class PrivacyRegister {

	static final int MAX_REASON = 2000;

	private final RequestRepository requests;

	private final StepRepository steps;

	private final PrivacyMails mails;

	private final AuditLog audit;

	private final Clock clock;

	PrivacyRegister(RequestRepository requests, StepRepository steps, PrivacyMails mails, AuditLog audit, Clock clock) {
		this.requests = requests;
		this.steps = steps;
		this.mails = mails;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The open requests past their deadline or due within 7 days.
	 *
	 * @param overdue past their deadline, the oldest first
	 * @param dueSoon due within 7 days
	 */
	public record Deadlines(List<PrivacyRequest> overdue, List<PrivacyRequest> dueSoon) {

		public boolean any() {
			return !this.overdue.isEmpty() || !this.dueSoon.isEmpty();
		}

	}

	@Transactional(readOnly = true)
	public Deadlines deadlines() {
		Instant now = this.clock.instant();
		List<PrivacyRequest> due = this.requests.dueBefore(now.plus(Duration.ofDays(7)));
		return new Deadlines(due.stream().filter((request) -> request.overdue(now)).toList(),
				due.stream().filter((request) -> request.dueSoon(now)).toList());
	}

	@Transactional(readOnly = true)
	public List<PrivacyRequest> list(RequestStatus status, int limit) {
		return this.requests.register(status, limit);
	}

	@Transactional(readOnly = true)
	public PrivacyRequest get(UUID id) {
		return this.requests.find(id)
			.filter((request) -> request.status() != RequestStatus.AWAITING_CONFIRMATION)
			.orElseThrow(() -> new UserMistakeException("privacy.admin.notFound"));
	}

	@Transactional(readOnly = true)
	public List<RequestStep> steps(UUID id) {
		return this.steps.of(id);
	}

	/**
	 * Extends the deadline of an open request to two or three months from its receipt,
	 * telling the requester why.
	 * @param id the request
	 * @param months the months added to the first month: 1 or 2
	 * @param reason why, as the requester will read it
	 * @param operator the admin
	 * @return the new deadline
	 */
	public Instant extend(UUID id, int months, String reason, Person operator) {
		PrivacyRequest request = open(id);
		if (months < 1 || months > 2 || months <= request.extensionMonths()) {
			throw new UserMistakeException("privacy.admin.monthsInvalid");
		}
		String why = reason(reason);
		Instant due = request.receivedAt().atZone(PrivacyRequests.ZONE).plusMonths(1 + months).toInstant();
		this.requests.extend(id, months, due, why);
		this.audit.record(operator.accountId(), operator.email(), "privacy.request.extended", "privacy_request",
				id.toString(), request.reference() + " +" + months + " " + why);
		if (request.email() != null) {
			this.mails.extension(request, due, why);
		}
		return due;
	}

	/**
	 * Records what was done by hand in a part of the system (a rectification…).
	 * @param id the request
	 * @param part the part, e.g. {@code accounts}
	 * @param action what was done
	 * @param rows how many rows changed
	 * @param operator the admin
	 */
	public void recordAction(UUID id, String part, String action, long rows, Person operator) {
		PrivacyRequest request = open(id);
		String where = required(part, 40);
		String what = required(action, 200);
		if (rows < 0) {
			throw new UserMistakeException("privacy.admin.rowsInvalid");
		}
		this.steps.record(id, where, what, rows, "by " + operator.email(), this.clock.instant());
		this.audit.record(operator.accountId(), operator.email(), "privacy.request.action", "privacy_request",
				id.toString(), request.reference() + " " + where + ": " + what + " (" + rows + ")");
	}

	/**
	 * Answers a request: it is done; the requester is told what was done.
	 * @param id the request
	 * @param format how it was answered, e.g. {@code e-mail}, {@code ZIP export}
	 * @param summary what the requester is told
	 * @param operator the admin
	 */
	public void answer(UUID id, String format, String summary, Person operator) {
		PrivacyRequest request = open(id);
		String how = required(format, 100);
		String what = reason(summary);
		close(request, RequestStatus.DONE, how, null, operator);
		if (request.email() != null) {
			this.mails.done(request, what);
		}
	}

	/**
	 * Refuses a request, telling the requester why and that they may complain to the
	 * CNIL.
	 * @param id the request
	 * @param reason why
	 * @param operator the admin
	 */
	public void refuse(UUID id, String reason, Person operator) {
		PrivacyRequest request = open(id);
		String why = reason(reason);
		close(request, RequestStatus.REFUSED, "e-mail", why, operator);
		if (request.email() != null) {
			this.mails.refusal(request, why);
		}
	}

	void close(PrivacyRequest request, RequestStatus status, String format, String refusal, Person operator) {
		this.requests.close(request.id(), status, format, refusal, operator.accountId(), operator.email(),
				this.clock.instant());
		this.audit.record(operator.accountId(), operator.email(), "privacy.request." + status.name().toLowerCase(),
				"privacy_request", request.id().toString(), request.reference());
	}

	/**
	 * Writes the register as CSV (RFC 4180, UTF-8), one request a line.
	 * @param out where to write
	 * @throws IOException when writing fails
	 */
	@Transactional(readOnly = true)
	public void writeCsv(Writer out) throws IOException {
		Csv csv = new Csv(out);
		csv.row("reference", "type", "status", "requester", "requester_sha256", "identity_check", "received_at",
				"due_at", "extension_months", "extension_reason", "actions", "responded_at", "response_format",
				"refusal_reason", "operator");
		for (PrivacyRequest request : this.requests.register(null, Integer.MAX_VALUE)) {
			StringBuilder actions = new StringBuilder();
			for (RequestStep step : this.steps.of(request.id())) {
				actions.append((actions.length() > 0) ? "; " : "")
					.append(step.part())
					.append(": ")
					.append(step.action())
					.append(" (")
					.append(step.rows())
					.append(')');
			}
			csv.row(request.reference(), request.type().name(), request.status().name(), request.email(),
					this.requests.emailHash(request.id()), request.identityCheck().name(), request.receivedAt(),
					request.dueAt(), request.extensionMonths(), request.extensionReason(), actions,
					request.respondedAt(), request.responseFormat(), request.refusalReason(), request.operatorEmail());
		}
		out.flush();
	}

	private PrivacyRequest open(UUID id) {
		PrivacyRequest request = get(id);
		if (!request.status().open()) {
			throw new UserMistakeException("privacy.admin.closed");
		}
		return request;
	}

	private static String reason(String text) {
		return required(text, MAX_REASON);
	}

	private static String required(String text, int max) {
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			throw new UserMistakeException("privacy.admin.missing");
		}
		if (value.length() > max) {
			throw new UserMistakeException("privacy.details.tooLong", max);
		}
		return value;
	}

}
