package com.focusracer.photos.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.photos.PhotoProgressAnnounced;
import com.focusracer.photos.PhotoProgressed;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hears every node's {@link ProgressNotices} on one connection of its own per node (kept
 * out of the pool, which would hand it to others or close it when idle) and publishes
 * each in this node as a {@link PhotoProgressAnnounced}, so that the live pages serve
 * their watchers whatever node ran the stage. Web-only nodes listen too: they serve
 * pages. A lost connection is opened again, waiting longer after each failure; what was
 * announced meanwhile is missed (the pages' counters catch up with the next news).
 */
@Component
class ProgressListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

	/** How the connection shows in {@code pg_stat_activity}. */
	static final String APPLICATION_NAME = "focus-racer live news";

	private static final Duration FIRST_RETRY = Duration.ofMillis(500);

	private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

	/** How long a wait for news lasts before the connection is checked. */
	private static final int POLL_MILLIS = 10_000;

	/**
	 * News waiting for the pages: a node whose pages are stuck drops news rather than
	 * stop reading, because PostgreSQL keeps every notice until the slowest listener has
	 * read it, and NOTIFY fails everywhere once that queue is full.
	 */
	private static final int BACKLOG = 10_000;

	private final DataSource dataSource;

	private final ApplicationEventPublisher publisher;

	private final AtomicLong dropped = new AtomicLong();

	private volatile boolean running;

	private volatile Thread reader;

	private volatile Connection connection;

	private volatile int pid = -1;

	private ExecutorService dispatcher;

	ProgressListener(DataSource dataSource, ApplicationEventPublisher publisher) {
		this.dataSource = dataSource;
		this.publisher = publisher;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(BACKLOG),
				(task) -> daemon(task, "live-news-dispatch"), (task, executor) -> drop());
		CountDownLatch listening = new CountDownLatch(1);
		this.reader = daemon(() -> listen(listening), "live-news-listener");
		this.reader.start();
		try {
			// Pages opened as soon as the node is up hear what happens next.
			if (!listening.await(10, TimeUnit.SECONDS)) {
				log.warn("Not listening for live news yet: the live pages of this node wait for the database");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Connection open = this.connection;
		if (open != null) {
			try {
				// Ends the reader's wait at once, from this thread.
				open.abort(Runnable::run);
			}
			catch (SQLException ex) {
				log.debug("Could not abort the live news connection", ex);
			}
		}
		Thread thread = this.reader;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.dispatcher != null) {
			this.dispatcher.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The backend process of the listening connection.
	 * @return its pid, -1 while not connected
	 */
	int pid() {
		return this.pid;
	}

	private void listen(CountDownLatch listening) {
		Duration retry = FIRST_RETRY;
		while (this.running) {
			try (Connection open = connect()) {
				this.connection = open;
				try (Statement statement = open.createStatement()) {
					statement.execute("LISTEN " + ProgressNotices.CHANNEL);
				}
				PGConnection pg = open.unwrap(PGConnection.class);
				this.pid = pg.getBackendPID();
				log.info("Listening for live news on database connection {}", this.pid);
				listening.countDown();
				retry = FIRST_RETRY;
				while (this.running) {
					PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
					if (notifications == null || notifications.length == 0) {
						// A connection cut without a word (network, failover) shows here.
						if (!open.isValid(5)) {
							throw new SQLException("the live news connection stopped answering");
						}
						continue;
					}
					for (PGNotification notification : notifications) {
						ProgressNotices.read(notification.getParameter()).ifPresent(this::dispatch);
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					break;
				}
				log.warn("Lost the live news connection ({}): connecting again in {} ms", ex.getMessage(),
						retry.toMillis());
			}
			finally {
				this.connection = null;
				this.pid = -1;
			}
			if (!pause(retry)) {
				break;
			}
			retry = (retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0) ? LONGEST_RETRY : retry.multipliedBy(2);
		}
	}

	private void dispatch(PhotoProgressed progressed) {
		try {
			this.dispatcher.execute(() -> {
				try {
					this.publisher.publishEvent(new PhotoProgressAnnounced(progressed));
				}
				catch (RuntimeException ex) {
					log.warn("A live page failed on the news that photo {} reached {}", progressed.photoId(),
							progressed.stage(), ex);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Shutting down.
		}
	}

	private void drop() {
		long count = this.dropped.incrementAndGet();
		if (count % 1000 == 1) {
			log.warn("The live pages of this node are behind: {} news dropped so far", count);
		}
	}

	/**
	 * A connection of its own, with the pool's settings when the pool says them; else one
	 * of the data source's connections, kept.
	 */
	private Connection connect() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
			if (pool.getJdbcUrl() != null) {
				Properties properties = new Properties();
				properties.putAll(pool.getDataSourceProperties());
				if (pool.getUsername() != null) {
					properties.setProperty("user", pool.getUsername());
				}
				if (pool.getPassword() != null) {
					properties.setProperty("password", pool.getPassword());
				}
				properties.setProperty("ApplicationName", APPLICATION_NAME);
				properties.setProperty("tcpKeepAlive", "true");
				properties.putIfAbsent("connectTimeout", "10");
				return DriverManager.getConnection(pool.getJdbcUrl(), properties);
			}
		}
		Connection connection = this.dataSource.getConnection();
		connection.setAutoCommit(true);
		return connection;
	}

	private boolean pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

}
