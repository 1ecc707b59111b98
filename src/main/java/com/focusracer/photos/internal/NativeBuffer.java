package com.focusracer.photos.internal;

import java.nio.ByteBuffer;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The tens of megabytes libjpeg-turbo reads from and writes to for each photo. From
 * malloc they would stay in the process once freed (glibc raises its mmap threshold after
 * the first large free, then keeps later buffers in its per-thread arenas): about 100 MB
 * more resident memory in the derive bench. On Linux they are mapped and unmapped
 * directly, so that each goes back to the system as soon as the photo is decoded.
 */
final class NativeBuffer implements AutoCloseable {

	private static final int PROT_READ_WRITE = 0x1 | 0x2;

	private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;

	private final Pointer pointer;

	private final long size;

	private final Memory memory;

	private NativeBuffer(Pointer pointer, long size, Memory memory) {
		this.pointer = pointer;
		this.size = size;
		this.memory = memory;
	}

	/**
	 * Allocates a buffer (its content is undefined).
	 * @param size its size in bytes, at least 1
	 * @return the buffer, to close
	 * @throws OutOfMemoryError when the system has no memory left for it
	 */
	static NativeBuffer allocate(long size) {
		LibC libc = LibCHolder.LIBC;
		if (libc != null) {
			Pointer mapped = libc.mmap(null, new NativeLong(size), PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1,
					new NativeLong(0));
			if (mapped != null && Pointer.nativeValue(mapped) != -1L) {
				return new NativeBuffer(mapped, size, null);
			}
			throw new OutOfMemoryError("Cannot map " + size + " bytes for a photo");
		}
		Memory memory = new Memory(size);
		return new NativeBuffer(memory, size, memory);
	}

	Pointer pointer() {
		return this.pointer;
	}

	long size() {
		return this.size;
	}

	/**
	 * The buffer as a byte buffer (native byte order), valid until it is closed.
	 * @return the view
	 */
	ByteBuffer asByteBuffer() {
		return this.pointer.getByteBuffer(0, this.size);
	}

	@Override
	public void close() {
		if (this.memory != null) {
			this.memory.close();
		}
		else {
			LibCHolder.LIBC.munmap(this.pointer, new NativeLong(this.size));
		}
	}

	/**
	 * The C library's mapping calls, as declared on Linux (the flags' values are
	 * Linux's).
	 */
	interface LibC extends Library {

		Pointer mmap(Pointer address, NativeLong length, int protection, int flags, int fd, NativeLong offset);

		int munmap(Pointer address, NativeLong length);

	}

	private static final class LibCHolder {

		static final LibC LIBC = load();

		private static LibC load() {
			if (!Platform.isLinux()) {
				return null;
			}
			try {
				return Native.load(Platform.C_LIBRARY_NAME, LibC.class);
			}
			catch (LinkageError | RuntimeException ex) {
				return null;
			}
		}

	}

}
