package com.focusracer.photos.internal;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NativeBufferTests {

	@Test
	void holdsWhatIsWrittenUntilItIsClosed() {
		for (long size : new long[] { 2, 4096, 24L * 1000 * 1000 }) {
			try (NativeBuffer buffer = NativeBuffer.allocate(size)) {
				ByteBuffer bytes = buffer.asByteBuffer();
				assertThat(bytes.capacity()).isEqualTo(size);
				bytes.put(0, (byte) 42).put((int) size - 1, (byte) 7);
				assertThat(buffer.pointer().getByte(0)).isEqualTo((byte) 42);
				assertThat(buffer.pointer().getByte(size - 1)).isEqualTo((byte) 7);
			}
		}
	}

}
