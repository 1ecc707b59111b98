package com.focusracer.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import com.focusracer.accounts.AccountManagement;
import com.focusracer.accounts.ProProfile;
import com.focusracer.accounts.Role;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The admin dashboard and the pro statistics on a big platform: generates (in SQL, with
 * {@code generate_series}) events, published photos, paid orders with their shares, and a
 * year of daily counters, then asks each page over HTTP, signed in, one request at a
 * time, and prints its p50 / p95 and the p95 as a multiple of a trivial page's
 * ({@code /favourites}, same server, same run).
 *
 * <pre>
 * java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
 *   com.focusracer.bench.DashboardBench [events] [photos] [orders] [requests]
 * </pre>
 *
 * Defaults: 200 events, 2,000,000 photos, 100,000 orders, 40 requests per page.
 */
public final class DashboardBench {

	private static final String PASSWORD = "bench-password-1";

	private DashboardBench() {
	}

	public static void main(String[] args) throws Exception {
		int events = (args.length > 0) ? Integer.parseInt(args[0]) : 200;
		int photos = (args.length > 1) ? Integer.parseInt(args[1]) : 2_000_000;
		int orders = (args.length > 2) ? Integer.parseInt(args[2]) : 100_000;
		int requests = (args.length > 3) ? Integer.parseInt(args[3]) : 40;
		try (BenchApp app = BenchApp.start(ProProfile.ORGANIZER)) {
			AccountManagement accounts = app.bean(AccountManagement.class);
			String admin = "bench-admin-" + UUID.randomUUID() + "@example.org";
			accounts.createDemoAccount(admin, "Bench admin", PASSWORD, Role.ADMIN, null);
			String owner = "bench-owner-" + UUID.randomUUID() + "@example.org";
			accounts.createDemoAccount(owner, "Bench owner", PASSWORD, Role.PRO, ProProfile.ORGANIZER);
			UUID ownerId = accounts.findByEmail(owner).orElseThrow().id();
			long started = System.nanoTime();
			UUID bigEvent = generate(app.bean(JdbcTemplate.class), ownerId, events, photos, orders);
			System.out.printf("generated %d events, %d photos, %d orders in %d s%n", events, photos, orders,
					Duration.ofNanos(System.nanoTime() - started).toSeconds());
			String base = "http://localhost:" + app.context().getEnvironment().getProperty("local.server.port");
			HttpClient asAdmin = signedIn(base, admin);
			HttpClient asOwner = signedIn(base, owner);
			long reference = p95(asAdmin, base + "/favourites", requests, "reference /favourites");
			List<String[]> pages = new ArrayList<>();
			pages.add(new String[] { "admin", "/admin?period=7d" });
			pages.add(new String[] { "admin", "/admin?period=30d" });
			pages.add(new String[] { "admin", "/admin?period=12m" });
			pages.add(new String[] { "admin", "/admin/dashboard.csv?period=12m" });
			pages.add(new String[] { "owner", "/pro/events/" + bigEvent + "/stats" });
			pages.add(new String[] { "owner", "/pro/events/" + bigEvent + "/stats.csv" });
			pages.add(new String[] { "owner", "/pro/stats" });
			for (String[] page : pages) {
				long p95 = p95("admin".equals(page[0]) ? asAdmin : asOwner, base + page[1], requests, page[1]);
				System.out.printf("  -> p95 = %.1f x reference%n", (double) p95 / Math.max(1, reference));
			}
		}
	}

	/**
	 * Generates the platform; every event belongs to one owner (the pro statistics then
	 * read the biggest overview a pro can have).
	 * @return the event with the most photos
	 */
	static UUID generate(JdbcTemplate jdbc, UUID ownerId, int events, int photos, int orders) {
		jdbc.update("""
				insert into event (id, owner_id, name, slug, event_date, location, visibility, created_at)
				select gen_random_uuid(), ?, 'Course ' || g.i, 'bench-' || g.i, current_date - (g.i * 365 / ?),
				       'Lyon', 'PUBLIC', now() - make_interval(days => g.i * 365 / ? + 30)
				from generate_series(1, ?) g(i)""", ownerId, events, events, events);
		jdbc.execute("create temporary table bench_event as select row_number() over (order by slug) as n, id, "
				+ "event_date from event where slug like 'bench-%'");
		jdbc.update("""
				insert into photo (id, event_id, uploader_id, file_name, sha256, size_bytes, format, width, height,
				                   status, stage, original_key, taken_at, created_at, updated_at)
				select gen_random_uuid(), e.id, ?, 'IMG_' || g.i || '.jpg', md5(g.i::text), 4000000, 'jpeg', 6000,
				       4000, 'PUBLISHED', 'publish', 'bench/' || g.i,
				       e.event_date + time '08:00' + make_interval(secs => (g.i % 21600)),
				       e.event_date + time '12:00' + make_interval(secs => (g.i % 86400)), now()
				from generate_series(1, ?) g(i) join bench_event e on e.n = 1 + (g.i * 7 %% ?)""".replace("%%", "%"),
				ownerId, photos, events);
		jdbc.update("""
				insert into shop_order (id, event_id, email, language, resolution, status, amount, currency, pricing,
				                        provider, idempotency_key, payment_id, created_at, paid_at, updated_at)
				select gen_random_uuid(), e.id, 'buyer' || g.i || '@example.org', 'fr', 'ORIGINAL', 'PAID',
				       500 + (g.i % 4) * 500, 'EUR', '1 photo', 'test', 'bench-' || g.i, 'test_bench_' || g.i,
				       e.event_date + make_interval(days => g.i % 20), e.event_date + make_interval(days => g.i % 20),
				       now()
				from generate_series(1, ?) g(i) join bench_event e on e.n = 1 + (g.i * 13 %% ?)""".replace("%%", "%"),
				orders, events);
		jdbc.update("""
				insert into order_item (order_id, photo_id, position, amount, uploader_id)
				select id, gen_random_uuid(), 0, amount, ? from shop_order where idempotency_key like 'bench-%'""",
				ownerId);
		jdbc.update("""
				insert into sale_share (id, order_id, account_id, role, gross, fee, amount, currency, status,
				                        idempotency_key, created_at)
				select gen_random_uuid(), id, null, 'PLATFORM', amount, amount / 10, amount / 10, 'EUR', 'KEPT',
				       'share-bench-p-' || id, paid_at from shop_order where idempotency_key like 'bench-%'
				union all
				select gen_random_uuid(), id, ?, 'PHOTOGRAPHER', amount, amount / 10, amount - amount / 10, 'EUR',
				       'DUE', 'share-bench-ph-' || id, paid_at from shop_order where idempotency_key like 'bench-%'""",
				ownerId);
		// Visits in the month after each race, every metric, plus a year of gallery
		// times.
		jdbc.update("""
				insert into analytics_counter (day, event_id, metric, count)
				select e.event_date + d, e.id, m, 1 + (d * 37 + length(m)) % 500
				from bench_event e cross join generate_series(0, 30) d
				cross join unnest(array['EVENT_PAGE_VIEW', 'BIB_SEARCH', 'BIB_SEARCH_EMPTY', 'NAME_SEARCH',
				  'NAME_SEARCH_EMPTY', 'SELFIE_SEARCH', 'PHOTO_VIEW', 'CART_ADD', 'CHECKOUT_STARTED', 'ORDER_PAID',
				  'PHOTO_UPLOADED', 'PHOTO_PUBLISHED', 'LINKED_OCR', 'LINKED_FACE', 'LINKED_BURST']) m
				on conflict do nothing""");
		jdbc.update("""
				insert into analytics_gallery_second (day, seconds, count)
				select current_date - d, s * s / 20 + s, 1 + (d * s) % 300 from generate_series(0, 365) d
				cross join generate_series(1, 300) s""");
		jdbc.execute("analyze");
		return jdbc.queryForObject("select event_id from photo group by event_id order by count(*) desc limit 1",
				UUID.class);
	}

	private static HttpClient signedIn(String base, String email) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String login = client
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + java.net.URLEncoder.encode(email, "UTF-8") + "&password=" + PASSWORD + "&_csrf="
				+ csrf.group(1);
		client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		return client;
	}

	private static long p95(HttpClient client, String url, int requests, String label) throws Exception {
		Histogram histogram = new Histogram(3);
		for (int i = 0; i < requests + 3; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			long micros = (System.nanoTime() - start) / 1000;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode());
			}
			if (i >= 3) {
				// the first ones warm the JIT and the caches
				histogram.recordValue(micros);
			}
		}
		System.out.printf("%-45s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", label,
				histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
				histogram.getMaxValue() / 1000.0);
		return histogram.getValueAtPercentile(95);
	}

}
