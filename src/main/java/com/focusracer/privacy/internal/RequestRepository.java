package com.focusracer.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.privacy.Person;
import com.focusracer.privacy.PrivacyRequest;
import com.focusracer.privacy.RequestStatus;
import com.focusracer.privacy.RequestType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code privacy_request} table: the register.
 */
@Repository
public class RequestRepository {

	private final JdbcClient jdbc;

	RequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A new request.
	 *
	 * @param id the id
	 * @param reference its reference
	 * @param type what is asked
	 * @param status its first status
	 * @param person who asks
	 * @param check how identity was (or will be) checked
	 * @param details what they wrote
	 * @param photoLinks the photo pages named, one a line
	 * @param verifyTokenHash the hash of the confirmation link's secret, or {@code null}
	 * @param verifyExpiresAt when that link expires
	 * @param now the time now
	 * @param dueAt the deadline, or {@code null} until identity is checked
	 */
	public record NewRequest(UUID id, String reference, RequestType type, RequestStatus status, Person person,
			PrivacyRequest.IdentityCheck check, String details, String photoLinks, String verifyTokenHash,
			Instant verifyExpiresAt, Instant now, Instant dueAt) {
	}

	public void insert(NewRequest request) {
		Person person = request.person();
		this.jdbc.sql("""
				insert into privacy_request (id, reference, type, status, account_id, email, email_hash, name, language,
				    identity_check, details, photo_links, verify_token_hash, verify_expires_at, created_at, received_at,
				    due_at)
				values (:id, :reference, :type, :status, :account, :email, :hash, :name, :language, :check, :details,
				    :links, :token, :expires, :now, :received, :due)""")
			.param("id", request.id())
			.param("reference", request.reference())
			.param("type", request.type().name())
			.param("status", request.status().name())
			.param("account", person.accountId())
			.param("email", person.email())
			.param("hash", Secrets.emailHash(person.email()))
			.param("name", person.name())
			.param("language", person.language())
			.param("check", request.check().name())
			.param("details", request.details())
			.param("links", request.photoLinks())
			.param("token", request.verifyTokenHash())
			.param("expires", timestamp(request.verifyExpiresAt()))
			.param("now", timestamp(request.now()))
			.param("received", (request.dueAt() != null) ? timestamp(request.now()) : null)
			.param("due", timestamp(request.dueAt()))
			.update();
	}

	public boolean referenceTaken(String reference) {
		return this.jdbc.sql("select count(*) from privacy_request where reference = ?")
			.param(reference)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<PrivacyRequest> find(UUID id) {
		return this.jdbc.sql("select * from privacy_request where id = ?")
			.param(id)
			.query(RequestRepository::map)
			.optional();
	}

	/**
	 * Confirms a guest's request from the link sent to the address, once.
	 * @param tokenHash the hash of the link's secret
	 * @param now the time now
	 * @param dueAt the deadline that starts now
	 * @return the request, or empty when the link is unknown, used or expired
	 */
	public Optional<PrivacyRequest> confirm(String tokenHash, Instant now, Instant dueAt) {
		return this.jdbc.sql("""
				update privacy_request set status = 'RECEIVED', verify_token_hash = null, received_at = :now,
				    due_at = :due
				where verify_token_hash = :token and status = 'AWAITING_CONFIRMATION' and verify_expires_at > :now
				returning *""")
			.param("token", tokenHash)
			.param("now", timestamp(now))
			.param("due", timestamp(dueAt))
			.query(RequestRepository::map)
			.optional();
	}

	public List<PrivacyRequest> ofAccount(UUID accountId) {
		return this.jdbc.sql("select * from privacy_request where account_id = ? order by created_at desc")
			.param(accountId)
			.query(RequestRepository::map)
			.list();
	}

	/**
	 * The register, newest first, without the guests' requests never confirmed.
	 * @param status only this status, or {@code null} for all
	 * @param limit how many at most
	 * @return the requests
	 */
	public List<PrivacyRequest> register(RequestStatus status, int limit) {
		return this.jdbc
			.sql("""
					select * from privacy_request
					where status <> 'AWAITING_CONFIRMATION' and (cast(:status as text) is null or status = cast(:status as text))
					order by received_at desc, id limit :limit""")
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query(RequestRepository::map)
			.list();
	}

	/**
	 * The open requests overdue or due before a time, the earliest deadline first.
	 * @param before the time
	 * @return the requests
	 */
	public List<PrivacyRequest> dueBefore(Instant before) {
		return this.jdbc.sql(
				"select * from privacy_request where status in ('RECEIVED', 'IN_PROGRESS') and due_at < ? order by due_at")
			.param(timestamp(before))
			.query(RequestRepository::map)
			.list();
	}

	public UUID operatorId(UUID id) {
		List<UUID> ids = this.jdbc.sql("select operator_id from privacy_request where id = ?")
			.param(id)
			.query((rs, row) -> rs.getObject(1, UUID.class))
			.list();
		return ids.isEmpty() ? null : ids.get(0);
	}

	public String emailHash(UUID id) {
		return this.jdbc.sql("select email_hash from privacy_request where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	public void setExportLink(UUID id, String tokenHash, Instant expiresAt) {
		this.jdbc.sql(
				"update privacy_request set export_token_hash = ?, export_expires_at = ?, export_downloaded_at = null where id = ?")
			.params(tokenHash, timestamp(expiresAt), id)
			.update();
	}

	/**
	 * Takes an export link, once: a second download, or one after it expired, finds
	 * nothing.
	 * @param tokenHash the hash of the link's secret
	 * @param now the time now
	 * @return the request, or empty
	 */
	public Optional<PrivacyRequest> claimExport(String tokenHash, Instant now) {
		return this.jdbc.sql("""
				update privacy_request set export_downloaded_at = :now, export_token_hash = null
				where export_token_hash = :token and export_downloaded_at is null and export_expires_at > :now
				returning *""")
			.param("token", tokenHash)
			.param("now", timestamp(now))
			.query(RequestRepository::map)
			.optional();
	}

	public void setExportHash(UUID id, String sha256) {
		this.jdbc.sql("update privacy_request set export_sha256 = ? where id = ?").params(sha256, id).update();
	}

	public void extend(UUID id, int months, Instant dueAt, String reason) {
		this.jdbc.sql("update privacy_request set extension_months = ?, due_at = ?, extension_reason = ? where id = ?")
			.params(months, timestamp(dueAt), reason, id)
			.update();
	}

	/**
	 * Records the answer.
	 * @param id the request
	 * @param status {@link RequestStatus#DONE} or {@link RequestStatus#REFUSED}
	 * @param format how it was answered
	 * @param refusal why it was refused, or {@code null}
	 * @param operatorId the admin
	 * @param operatorEmail the admin's address
	 * @param now the time now
	 */
	public void close(UUID id, RequestStatus status, String format, String refusal, UUID operatorId,
			String operatorEmail, Instant now) {
		this.jdbc.sql("""
				update privacy_request set status = ?, response_format = ?, refusal_reason = ?, operator_id = ?,
				    operator_email = ?, responded_at = ?
				where id = ?""")
			.params(status.name(), format, refusal, operatorId, operatorEmail, timestamp(now), id)
			.update();
	}

	public void setStatus(UUID id, RequestStatus status, UUID operatorId, String operatorEmail) {
		this.jdbc.sql("update privacy_request set status = ?, operator_id = ?, operator_email = ? where id = ?")
			.params(status.name(), operatorId, operatorEmail, id)
			.update();
	}

	static PrivacyRequest map(ResultSet rs, int row) throws SQLException {
		String links = rs.getString("photo_links");
		return new PrivacyRequest(rs.getObject("id", UUID.class), rs.getString("reference"),
				RequestType.valueOf(rs.getString("type")), RequestStatus.valueOf(rs.getString("status")),
				rs.getObject("account_id", UUID.class), rs.getString("email"), rs.getString("name"),
				rs.getString("language"), PrivacyRequest.IdentityCheck.valueOf(rs.getString("identity_check")),
				rs.getString("details"),
				(links == null || links.isBlank()) ? List.of() : Arrays.asList(links.split("\n")),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("received_at")),
				instant(rs.getTimestamp("due_at")), rs.getInt("extension_months"), rs.getString("extension_reason"),
				instant(rs.getTimestamp("responded_at")), rs.getString("response_format"),
				rs.getString("refusal_reason"), rs.getString("operator_email"), rs.getString("export_sha256"),
				instant(rs.getTimestamp("export_downloaded_at")));
	}

	static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
