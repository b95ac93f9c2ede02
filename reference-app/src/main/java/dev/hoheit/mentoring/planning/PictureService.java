package dev.hoheit.mentoring.planning;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_PICTURE;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.AppLimits;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.crypto.PersonKeys;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.jooq.DSLContext;

/**
 * Smoffen-Bilder: photos of paper planning sheets. The type is decided by the bytes, not by what the
 * client claims; the image is decoded and written anew with the JDK's ImageIO, so no metadata (EXIF
 * location, camera, time) survives; the result is encrypted under the person's key.
 *
 * <p>Decoding is bounded: the width, height and bit depth are read from the image header first, and
 * a picture whose decoded form would take more than the memory budget is refused (413) before a
 * single pixel is decoded; at most {@link AppLimits#pictureDecodes()} pictures are decoded at once,
 * a further upload waits briefly and is then answered 503 with {@code Retry-After}.
 */
public final class PictureService {

    /** Largest upload. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Largest image, in pixels (a decompression bomb is refused before decoding). */
    public static final long MAX_PIXELS = 40_000_000L;

    /** A stored picture without its bytes. */
    public record Picture(String id, String mediaType, int width, int height, Instant createdAt) {
    }

    /** How long an upload waits for a free decoder before it is told to come back. */
    static final Duration DECODER_WAIT = Duration.ofSeconds(2);

    private final DSLContext db;
    private final PersonKeys keys;
    private final Clock clock;
    private final long memoryBudget;
    private final Semaphore decoders;

    public PictureService(DSLContext db, PersonKeys keys, Clock clock) {
        this(db, keys, clock, AppLimits.DEFAULTS);
    }

    public PictureService(DSLContext db, PersonKeys keys, Clock clock, AppLimits limits) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
        this.memoryBudget = limits.pictureMemoryBytes();
        this.decoders = new Semaphore(limits.pictureDecodes(), true);
        ImageIO.setUseCache(false); // no temporary files with the (unencrypted) picture in them
    }

    public Picture upload(String accountId, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw AppException.badRequest(ErrorCode.PICTURE_MISSING, "send the picture's bytes as the request body");
        }
        if (bytes.length > MAX_BYTES) {
            throw new AppException(AppException.Kind.TOO_LARGE, ErrorCode.PICTURE_TOO_LARGE.with("maxMb", 10), "a picture may have at most 10 MB");
        }
        String format = sniff(bytes);
        BufferedImage image;
        byte[] clean;
        acquireDecoder();
        try {
            image = decode(bytes, format, memoryBudget);
            clean = encode(image, format);
        } finally {
            decoders.release();
        }
        String id = UUID.randomUUID().toString();
        String mediaType = "png".equals(format) ? "image/png" : "image/jpeg";
        Instant now = clock.instant();
        db.insertInto(APP_PICTURE)
                .set(APP_PICTURE.PICTURE_ID, id)
                .set(APP_PICTURE.ACCOUNT_ID, accountId)
                .set(APP_PICTURE.MEDIA_TYPE, mediaType)
                .set(APP_PICTURE.WIDTH, image.getWidth())
                .set(APP_PICTURE.HEIGHT, image.getHeight())
                .set(APP_PICTURE.CONTENT_ENC, keys.seal(accountId, "picture:" + id, clean))
                .set(APP_PICTURE.CREATED_AT, now)
                .execute();
        return new Picture(id, mediaType, image.getWidth(), image.getHeight(), now);
    }

    public List<Picture> list(String accountId) {
        return db.select(APP_PICTURE.PICTURE_ID, APP_PICTURE.MEDIA_TYPE, APP_PICTURE.WIDTH, APP_PICTURE.HEIGHT, APP_PICTURE.CREATED_AT)
                .from(APP_PICTURE).where(APP_PICTURE.ACCOUNT_ID.eq(accountId)).orderBy(APP_PICTURE.CREATED_AT.desc())
                .fetch(r -> new Picture(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The picture's bytes, if it belongs to {@code accountId}. */
    public Optional<byte[]> content(String accountId, String pictureId) {
        return db.select(APP_PICTURE.CONTENT_ENC).from(APP_PICTURE)
                .where(APP_PICTURE.PICTURE_ID.eq(pictureId)).and(APP_PICTURE.ACCOUNT_ID.eq(accountId))
                .fetchOptional(APP_PICTURE.CONTENT_ENC).flatMap(sealed -> keys.open(accountId, "picture:" + pictureId, sealed));
    }

    public Optional<Picture> find(String accountId, String pictureId) {
        return list(accountId).stream().filter(p -> p.id().equals(pictureId)).findFirst();
    }

    public boolean delete(String accountId, String pictureId) {
        return db.deleteFrom(APP_PICTURE).where(APP_PICTURE.PICTURE_ID.eq(pictureId)).and(APP_PICTURE.ACCOUNT_ID.eq(accountId)).execute() > 0;
    }

    long erase(String accountId) {
        return db.deleteFrom(APP_PICTURE).where(APP_PICTURE.ACCOUNT_ID.eq(accountId)).execute();
    }

    long count(String accountId) {
        return db.fetchCount(APP_PICTURE, APP_PICTURE.ACCOUNT_ID.eq(accountId));
    }

    /** {@code jpeg} or {@code png}, from the magic bytes; anything else is refused. */
    static String sniff(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "jpeg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
                && bytes[4] == 0x0D && bytes[5] == 0x0A && bytes[6] == 0x1A && bytes[7] == 0x0A) {
            return "png";
        }
        throw new AppException(AppException.Kind.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PICTURE_TYPE_UNSUPPORTED, "that is not a JPEG or PNG picture");
    }

    private void acquireDecoder() {
        try {
            if (!decoders.tryAcquire(DECODER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AppException(AppException.Kind.SERVICE_UNAVAILABLE, ErrorCode.PICTURES_BUSY,
                        "many pictures are being processed right now; please try again in a few seconds", DECODER_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppException(AppException.Kind.SERVICE_UNAVAILABLE, ErrorCode.SHUTTING_DOWN, "the server is shutting down; please try again", DECODER_WAIT);
        }
    }

    private static BufferedImage decode(byte[] bytes, String format, long memoryBudget) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw AppException.unprocessable(ErrorCode.PICTURE_UNREADABLE, "the picture cannot be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                // Only the header is read so far (PNG IHDR, JPEG SOF): nothing is decoded before this check.
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw AppException.unprocessable(ErrorCode.PICTURE_TOO_MANY_PIXELS.with("maxMegapixels", 40), "the picture has more than 40 million pixels");
                }
                int bytesPerPixel = bytesPerPixel(reader) + ("jpeg".equals(format) ? 4 : 0); // room for the RGB copy
                long needed = pixels * bytesPerPixel;
                if (needed > memoryBudget) {
                    throw new AppException(AppException.Kind.TOO_LARGE, ErrorCode.PICTURE_TOO_LARGE_TO_PROCESS, "the picture is too large to process: "
                            + reader.getWidth(0) + "×" + reader.getHeight(0) + " pixels at " + bytesPerPixel(reader) * 8
                            + " bits per pixel would need " + mib(needed) + " MiB, at most " + mib(memoryBudget)
                            + " MiB are allowed; please send a smaller photo or one with 8 bits per channel");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw AppException.unprocessable(ErrorCode.PICTURE_UNREADABLE, "the picture cannot be read");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof AppException app) {
                throw app;
            }
            throw AppException.unprocessable(ErrorCode.PICTURE_DAMAGED, "the picture is damaged or not a picture");
        }
    }

    /**
     * Bytes a decoded pixel takes, from the header's image type: the storage unit or the sum of the
     * samples' bits, whichever is larger; 8 (the most any PNG or JPEG needs) when the type is unknown.
     */
    static int bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 8;
        }
        SampleModel model = type.getSampleModel();
        int bits = 0;
        for (int size : model.getSampleSize()) {
            bits += size;
        }
        int unit = DataBuffer.getDataTypeSize(model.getDataType()) / 8;
        int storage = model instanceof java.awt.image.ComponentSampleModel ? unit * model.getNumBands() : unit;
        return Math.max(1, Math.max((bits + 7) / 8, storage));
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private static byte[] encode(BufferedImage image, String format) {
        BufferedImage target = image;
        if ("jpeg".equals(format) && image.getColorModel().hasAlpha()) {
            target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            target.getGraphics().drawImage(image, 0, 0, null);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(target, format, out)) {
                throw AppException.unprocessable(ErrorCode.PICTURE_NOT_STORABLE, "the picture cannot be stored in its format");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw AppException.unprocessable(ErrorCode.PICTURE_NOT_STORABLE, "the picture cannot be stored");
        }
    }
}
