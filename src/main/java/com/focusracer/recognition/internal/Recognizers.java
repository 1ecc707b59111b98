package com.focusracer.recognition.internal;

import java.util.Optional;

import ai.onnxruntime.OrtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.focusracer.recognition.BibReader;
import com.focusracer.recognition.RecognitionProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The models, loaded on first use (a web-only node never loads them) and shared by every
 * worker thread: ONNX Runtime sessions are safe to run concurrently.
 */
@Component
public class Recognizers implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Recognizers.class);

	private final RecognitionProperties properties;

	private volatile BibReader bibReader;

	private volatile Optional<FaceModels> faceModels;

	private final com.focusracer.recognition.RekognitionProperties aws;

	private volatile AwsRekognition rekognition;

	private final com.focusracer.recognition.RecognitionSettings settings;

	private volatile String bibReaderProvider;

	Recognizers(RecognitionProperties properties, com.focusracer.recognition.RekognitionProperties aws,
			com.focusracer.recognition.RecognitionSettings settings) {
		this.settings = settings;
		this.properties = properties;
		this.aws = aws;
	}

	/**
	 * Whether recognition runs on AWS Rekognition
	 * ({@code focusracer.recognition.provider=aws}).
	 * @return true for AWS
	 */
	public boolean onAws() {
		return "aws".equals(this.settings.current().provider());
	}

	/**
	 * The AWS client, when the provider is AWS.
	 * @return the client
	 */
	public AwsRekognition rekognition() {
		if (!onAws()) {
			throw new IllegalStateException("focusracer.recognition.provider is not 'aws'");
		}
		if (this.rekognition == null) {
			synchronized (this) {
				if (this.rekognition == null) {
					this.rekognition = new AwsRekognition(this.aws);
				}
			}
		}
		return this.rekognition;
	}

	/**
	 * The bib reader of the provider in force, with the confidence thresholds in force
	 * (both may change at runtime: the platform's AI settings).
	 * @return the reader
	 */
	public BibReader bibReader() {
		com.focusracer.recognition.AiSettings current = this.settings.current();
		if (this.bibReader == null || !current.provider().equals(this.bibReaderProvider)) {
			synchronized (this) {
				if (this.bibReader == null || !current.provider().equals(this.bibReaderProvider)) {
					// The other provider's reader stays open for reads already running;
					// the models are freed at shutdown.
					this.bibReaderProvider = current.provider();
					BibReader.Settings d = BibReader.Settings.DEFAULTS;
					TextFinder.Settings f = d.finder();
					BibReader.Settings settings = d.with(new TextFinder.Settings(f.coarseShortSide(),
							this.properties.detectorShortSide(), f.readyTextHeight(), f.fineTextHeight(),
							f.maximumScale(), f.budget(), this.properties.bibsBelowFaces()), d.multiScale());
					this.bibReader = onAws() ? new BibReader(rekognition(), settings)
							: new BibReader(this.properties.threads(), settings,
									settings.finder().belowFaces() ? faceModels().orElse(null) : null);
				}
			}
		}
		BibReader reader = this.bibReader;
		reader.useThresholds(current.minimumConfidence(), current.startListConfidence());
		return reader;
	}

	/**
	 * Whether face features work on this node, without loading the models.
	 * @return true when the face models are there
	 */
	public boolean faceModelsPresent() {
		if (onAws()) {
			return true;
		}
		return (this.faceModels != null) ? this.faceModels.isPresent()
				: FaceModels.present(this.properties.faceModels());
	}

	/**
	 * The face models, when the build could fetch them.
	 * @return the models, or empty: face features are unavailable
	 */
	public Optional<FaceModels> faceModels() {
		if (this.faceModels == null) {
			synchronized (this) {
				if (this.faceModels == null) {
					this.faceModels = Optional
						.ofNullable(FaceModels.load(this.properties.faceModels(), this.properties.threads()));
					if (this.faceModels.isEmpty()) {
						log.warn("Face models not found (the build fetches them with npm): face features are "
								+ "unavailable on this node");
					}
				}
			}
		}
		return this.faceModels;
	}

	@Override
	public void destroy() throws OrtException {
		if (this.bibReader != null) {
			this.bibReader.close();
		}
		if (this.faceModels != null && this.faceModels.isPresent()) {
			this.faceModels.get().close();
		}
		if (this.rekognition != null) {
			this.rekognition.close();
		}
	}

}
