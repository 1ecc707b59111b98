package com.focusracer.marketplace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.marketplace.PhotographerProfile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Photographer profiles and their portfolios in the {@code photographer_profile} and
 * {@code portfolio_photo} tables.
 */
@Repository
public class ProfileRepository {

	private final JdbcClient jdbc;

	ProfileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PhotographerProfile> find(UUID accountId) {
		return this.jdbc.sql("select * from photographer_profile where account_id = ?")
			.param(accountId)
			.query(ProfileRepository::map)
			.optional();
	}

	public Optional<PhotographerProfile> findBySlug(String slug) {
		return this.jdbc.sql("select * from photographer_profile where slug = ?")
			.param(slug)
			.query(ProfileRepository::map)
			.optional();
	}

	public boolean slugTaken(String slug) {
		return this.jdbc.sql("select count(*) from photographer_profile where slug = ?")
			.param(slug)
			.query(Integer.class)
			.single() > 0;
	}

	public void save(PhotographerProfile profile) {
		this.jdbc.sql("""
				insert into photographer_profile (account_id, slug, name, region, travel_km, sports, gear, languages,
				    bio, seeking_work, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (account_id) do update set name = excluded.name, region = excluded.region,
				    travel_km = excluded.travel_km, sports = excluded.sports, gear = excluded.gear,
				    languages = excluded.languages, bio = excluded.bio, seeking_work = excluded.seeking_work,
				    updated_at = excluded.updated_at""")
			.params(profile.accountId(), profile.slug(), profile.name(), profile.region(), profile.travelKm(),
					profile.sports(), profile.gear(), profile.languages(), profile.bio(), profile.seekingWork(),
					Timestamp.from(profile.updatedAt()))
			.update();
	}

	public List<UUID> portfolio(UUID accountId) {
		return this.jdbc.sql("select photo_id from portfolio_photo where account_id = ? order by rank")
			.param(accountId)
			.query(UUID.class)
			.list();
	}

	public void setPortfolio(UUID accountId, List<UUID> photoIds) {
		this.jdbc.sql("delete from portfolio_photo where account_id = ?").param(accountId).update();
		int rank = 0;
		for (UUID photoId : photoIds) {
			this.jdbc.sql("insert into portfolio_photo (account_id, photo_id, rank) values (?, ?, ?)")
				.params(accountId, photoId, rank++)
				.update();
		}
	}

	/**
	 * The profiles of photographers who seek work, latest changed first.
	 * @param limit the most to return
	 * @return the profiles
	 */
	public List<PhotographerProfile> seekingWork(int limit) {
		return this.jdbc.sql("select * from photographer_profile where seeking_work order by updated_at desc limit ?")
			.param(limit)
			.query(ProfileRepository::map)
			.list();
	}

	static PhotographerProfile map(ResultSet rs, int row) throws SQLException {
		return new PhotographerProfile(rs.getObject("account_id", UUID.class), rs.getString("slug"),
				rs.getString("name"), rs.getString("region"), (Integer) rs.getObject("travel_km"),
				rs.getString("sports"), rs.getString("gear"), rs.getString("languages"), rs.getString("bio"),
				rs.getBoolean("seeking_work"), rs.getTimestamp("updated_at").toInstant());
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
