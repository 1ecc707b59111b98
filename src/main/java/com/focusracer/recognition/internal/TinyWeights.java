package com.focusracer.recognition.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets to zero the float weights of an ONNX model too small to matter, in place: under
 * {@value #NOTHING} in magnitude, denormals included. Arithmetic on denormal numbers
 * (magnitudes under 1.2e-38) is many times slower on x86 processors, and weights that
 * small make them: the face embedder holds 8,938 denormal weights and 195,715 under 1e-12
 * (one in six of its 1.2 million, decayed to nothing in training; 3,817 more reach
 * 1e-10), the landmark model 26,567, all denormal. One embedding took 59 ms on an Intel
 * Xeon, 12.4 ms without the denormal weights and 6.1 ms without those under 1e-12 (4.8 ms
 * with the processor's denormals-as-zero mode, {@code docs/benchmarks.md}). A weight
 * under 1e-12 adds less than a float can tell (2^-24 of the sum) to any sum of terms of
 * 1e-4 or more; the verification figures are the same to the fourth decimal.
 * <p>
 * ONNX Runtime's own switch ({@code session.set_denormal_as_zero}) sets the processor's
 * mode only on the thread that creates the process's first session and on its own pool
 * threads, not on the worker threads that run our one-thread sessions.
 * <p>
 * Hand-written over the protocol buffer wire format (no protobuf or ONNX library is on
 * the classpath, and none is needed to rewrite bytes in place): a model's graph (field 7)
 * holds its initializers (field 5), tensors whose type (field 2) is FLOAT (1) and whose
 * values are little-endian floats in {@code raw_data} (field 9) or {@code float_data}
 * (field 4, packed). Only those bytes change; the model's length and structure stay.
 */
final class TinyWeights {

	private TinyWeights() {
	}

	/**
	 * Sets the model's float weights under {@value #NOTHING} to zero.
	 * @param model the model's bytes, changed in place
	 * @return how many weights were set to zero
	 */
	static int flush(byte[] model) {
		// Every float range is found before any byte changes: bytes that are no ONNX
		// model (a folder's file of another kind) are left as they are, for ONNX Runtime
		// to refuse with its own message.
		List<int[]> floats = new ArrayList<>();
		try {
			for (int[] graph : fields(model, 0, model.length, GRAPH)) {
				for (int[] tensor : fields(model, graph[0], graph[1], INITIALIZER)) {
					floats.addAll(floatRanges(model, tensor[0], tensor[1]));
				}
			}
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return 0;
		}
		ByteBuffer values = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
		int count = 0;
		for (int[] range : floats) {
			for (int i = range[0]; i + 4 <= range[1]; i += 4) {
				float weight = values.getFloat(i);
				if (weight != 0 && Math.abs(weight) < NOTHING) {
					values.putFloat(i, 0f);
					count++;
				}
			}
		}
		return count;
	}

	/** A weight smaller than this is nothing. */
	static final float NOTHING = 1e-12f;

	private static final int GRAPH = 7;

	private static final int INITIALIZER = 5;

	private static final int DATA_TYPE = 2;

	private static final int FLOAT_DATA = 4;

	private static final int RAW_DATA = 9;

	private static final int FLOAT = 1;

	/** The ranges of a tensor's float values: none when it holds no floats. */
	private static List<int[]> floatRanges(byte[] model, int from, int to) {
		int type = 0;
		List<int[]> data = new ArrayList<>();
		Cursor cursor = new Cursor(model, from);
		while (cursor.at < to) {
			long tag = cursor.varint();
			int field = (int) (tag >>> 3);
			int wire = (int) (tag & 7);
			if (field == DATA_TYPE && wire == 0) {
				type = (int) cursor.varint();
			}
			else if ((field == RAW_DATA || field == FLOAT_DATA) && wire == 2) {
				data.add(cursor.delimited());
			}
			else {
				cursor.skip(wire);
			}
		}
		if (cursor.at != to || data.stream().anyMatch((range) -> range[1] > to)) {
			throw new IllegalArgumentException("Not an ONNX model: a tensor overruns its bounds");
		}
		return (type == FLOAT) ? data : List.of();
	}

	/**
	 * The ranges (start, end) of the length-delimited fields of a message with a number.
	 */
	private static List<int[]> fields(byte[] bytes, int from, int to, int number) {
		List<int[]> found = new ArrayList<>();
		Cursor cursor = new Cursor(bytes, from);
		while (cursor.at < to) {
			long tag = cursor.varint();
			int wire = (int) (tag & 7);
			if ((tag >>> 3) == number && wire == 2) {
				int[] range = cursor.delimited();
				if (range[0] < from || range[1] > to) {
					throw new IllegalArgumentException("Not an ONNX model: a field overruns its message");
				}
				found.add(range);
			}
			else {
				cursor.skip(wire);
			}
		}
		return found;
	}

	/** A position in a message's bytes. */
	private static final class Cursor {

		private final byte[] bytes;

		private int at;

		Cursor(byte[] bytes, int at) {
			this.bytes = bytes;
			this.at = at;
		}

		long varint() {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				byte b = this.bytes[this.at++];
				value |= (long) (b & 0x7f) << shift;
				if (b >= 0) {
					return value;
				}
			}
			throw new IllegalArgumentException("Not an ONNX model: a varint of more than 10 bytes at " + this.at);
		}

		/** A length-delimited field's range, after which the cursor stands. */
		int[] delimited() {
			int length = (int) varint();
			int[] range = { this.at, this.at + length };
			this.at += length;
			return range;
		}

		void skip(int wire) {
			switch (wire) {
				case 0 -> varint();
				case 1 -> this.at += 8;
				case 2 -> delimited();
				case 5 -> this.at += 4;
				default ->
					throw new IllegalArgumentException("Not an ONNX model: wire type " + wire + " at " + this.at);
			}
		}

	}

}
