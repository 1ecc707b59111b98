package com.focusracer.shop.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.focusracer.shop.PriceList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The price lists of events, with their packs.
 */
@Repository
public class PriceListRepository {

	private final JdbcClient jdbc;

	PriceListRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<PriceList> priceList(UUID eventId) {
		List<PriceList.Pack> packs = this.jdbc.sql("select photos, price from price_pack where event_id = ?")
			.param(eventId)
			.query((rs, row) -> new PriceList.Pack(rs.getInt("photos"), rs.getLong("price")))
			.list();
		return this.jdbc.sql("select * from price_list where event_id = ?")
			.param(eventId)
			.query((rs, row) -> new PriceList(eventId, rs.getString("currency"), rs.getLong("single_price"), packs,
					SqlValues.nullableLong(rs, "all_photos_price"), SqlValues.nullableLong(rs, "web_price"),
					SqlValues.nullableLong(rs, "runner_cap"), rs.getBoolean("free"), rs.getBoolean("sponsor_frame"),
					rs.getInt("organizer_share_percent")))
			.optional();
	}

	public void savePriceList(PriceList prices, Instant now) {
		this.jdbc.sql("""
				insert into price_list (event_id, currency, single_price, all_photos_price, web_price, runner_cap, free,
				    sponsor_frame, organizer_share_percent, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (event_id) do update set currency = excluded.currency, single_price = excluded.single_price,
				    all_photos_price = excluded.all_photos_price, web_price = excluded.web_price,
				    runner_cap = excluded.runner_cap, free = excluded.free, sponsor_frame = excluded.sponsor_frame,
				    organizer_share_percent = excluded.organizer_share_percent, updated_at = excluded.updated_at""")
			.params(prices.eventId(), prices.currency(), prices.singlePrice(), prices.allPhotosPrice(),
					prices.webPrice(), prices.runnerCap(), prices.free(), prices.sponsorFrame(),
					prices.organizerSharePercent(), Timestamp.from(now))
			.update();
		this.jdbc.sql("delete from price_pack where event_id = ?").param(prices.eventId()).update();
		for (PriceList.Pack pack : prices.packs()) {
			this.jdbc.sql("insert into price_pack (event_id, photos, price) values (?, ?, ?)")
				.params(prices.eventId(), pack.photos(), pack.price())
				.update();
		}
	}

}
