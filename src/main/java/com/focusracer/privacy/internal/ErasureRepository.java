package com.focusracer.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.privacy.Erasure;
import com.focusracer.privacy.Person;
import com.focusracer.privacy.PrivacyRequest;
import com.focusracer.privacy.RequestType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The erasure state of requests: started, last step, who the person is until the end.
 */
@Repository
public class ErasureRepository {

	private final JdbcClient jdbc;

	ErasureRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void begin(UUID id, Person person, Person operator, Instant now) {
		this.jdbc.sql("""
				update privacy_request set status = 'IN_PROGRESS', account_id = ?, name = coalesce(name, ?),
				    erasure_started_at = ?, operator_id = ?, operator_email = ?
				where id = ?""")
			.params(person.accountId(), person.name(), Timestamp.from(now), operator.accountId(), operator.email(), id)
			.update();
	}

	public Optional<PrivacyRequest> lock(UUID id) {
		return this.jdbc.sql("select * from privacy_request where id = ? for update")
			.param(id)
			.query(RequestRepository::map)
			.optional();
	}

	/**
	 * What the parts are asked, from the request: the person as recorded when the erasure
	 * began (the last part empties it, after every other part used it).
	 * @param request the request
	 * @return the erasure
	 */
	public Erasure erasureOf(PrivacyRequest request) {
		String email = (request.email() != null) ? request.email() : "";
		return new Erasure(new Person(request.accountId(), email, request.name(), request.language()),
				request.reference(), com.focusracer.privacy.PrivacyRequests.photoIds(request), switch (request.type()) {
					case PHOTO_WITHDRAWAL -> Erasure.Scope.PHOTOS;
					case OBJECTION -> Erasure.Scope.FACES;
					default -> Erasure.Scope.EVERYTHING;
				});
	}

	public void touch(UUID id, Instant now) {
		this.jdbc.sql("update privacy_request set erasure_started_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	public void finish(UUID id) {
		this.jdbc.sql("update privacy_request set erasure_started_at = null where id = ?").param(id).update();
	}

	public List<UUID> stopped(Instant before) {
		return this.jdbc.sql("""
				select id from privacy_request
				where status = 'IN_PROGRESS' and erasure_started_at is not null and erasure_started_at < ?""")
			.param(Timestamp.from(before))
			.query(UUID.class)
			.list();
	}

}
