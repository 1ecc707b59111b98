package com.focusracer.bench;

import java.util.UUID;

import com.focusracer.accounts.ProProfile;
import com.focusracer.events.Event;
import com.focusracer.photos.PhotoManagement;
import com.focusracer.photos.PhotoStatus;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the queries behind the triage page for an event of 20,000 photos (first page, a
 * deep page, status and low-quality filters, the per-status counters). Run as documented
 * in {@code docs/benchmarks.md}.
 */
public final class TriageBench {

	private TriageBench() {
	}

	public static void main(String[] args) {
		int photos = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		try (BenchApp app = BenchApp.start(ProProfile.PHOTOGRAPHER)) {
			UUID owner = app.ownerId();
			Event event = app.event();
			app.bean(JdbcClient.class)
				.sql("""
						insert into photo (id, event_id, uploader_id, file_name, sha256, size_bytes, format, width, height,
						                   status, hidden, stage, original_key, quality, created_at, updated_at)
						select gen_random_uuid(), ?, ?, 'IMG_' || n || '.JPG', md5(n::text) || md5(n::text || 'x'),
						       9000000, 'JPEG', 6000, 4000,
						       (array['PUBLISHED','PUBLISHED','PUBLISHED','PUBLISHED','FAILED','PUBLISHED'])[1 + n % 6], n % 6 = 5,
						       'publish', 'originals/x/' || n, (n % 100) / 100.0,
						       now() - (n || ' seconds')::interval, now()
						from generate_series(1, ?) n""")
				.params(event.id(), owner, photos)
				.update();
			app.bean(JdbcClient.class).sql("analyze photo").update();
			PhotoManagement triage = app.bean(PhotoManagement.class);
			time("first page (60)", () -> triage.page(event.id(), owner, null, false, 60, 0).size());
			time("page 300 (offset 17,940)", () -> triage.page(event.id(), owner, null, false, 60, 17_940).size());
			time("status PUBLISHED, first page",
					() -> triage.page(event.id(), owner, PhotoStatus.PUBLISHED, false, 60, 0).size());
			time("low quality, first page", () -> triage.page(event.id(), owner, null, true, 60, 0).size());
			time("total count", () -> (int) triage.count(event.id(), null, false));
			time("counts per status", () -> triage.counts(event.id()).size());
		}
	}

	private static void time(String label, java.util.function.IntSupplier query) {
		for (int i = 0; i < 5; i++) {
			query.getAsInt();
		}
		int runs = 50;
		long start = System.nanoTime();
		int result = 0;
		for (int i = 0; i < runs; i++) {
			result = query.getAsInt();
		}
		System.out.printf("%-32s %6.2f ms (result %d)%n", label, (System.nanoTime() - start) / 1e6 / runs, result);
	}

}
