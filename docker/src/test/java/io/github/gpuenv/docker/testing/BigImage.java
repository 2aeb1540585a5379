package io.github.gpuenv.docker.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;

/**
 * A large-ish test image in the local registry, {@code 127.0.0.1:5000/gpuenv/big:test}: one layer holding a 64 MiB
 * file of seeded pseudo-random bytes (incompressible, so a pull takes long enough to be killed midway). Built
 * through the raw API of Engine 20.10 from a tar made here ({@code POST /images/create?fromSrc=-}) and pushed;
 * idempotent (nothing is done when the registry has it).
 *
 * <p>{@code String image = BigImage.ensureInRegistry(); // 127.0.0.1:5000/gpuenv/big:test}
 */
public final class BigImage {

    public static final String REPOSITORY = "gpuenv/big";
    public static final String TAG = "test";
    static final int SIZE_BYTES = 64 * 1024 * 1024;

    private BigImage() {
    }

    /** Makes sure the registry has the image; its full reference. */
    public static synchronized String ensureInRegistry() {
        String registry = TestEngines.require(TestEngines.REGISTRY);
        String host = TestEngines.require(TestEngines.ENGINE20);
        String image = registry + "/" + REPOSITORY + ":" + TAG;
        if (inRegistry(registry)) {
            return image;
        }
        String imported = post(host, "/images/create?fromSrc=-&repo=" + registry + "/" + REPOSITORY + "&tag=" + TAG,
                null, tar());
        if (imported.contains("\"error")) {
            throw new AssertionError("import of " + image + " failed: " + imported);
        }
        String auth = Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8));
        String pushed = post(host, "/images/" + registry + "/" + REPOSITORY + "/push?tag=" + TAG, auth, null);
        if (pushed.contains("\"error") || !inRegistry(registry)) {
            throw new AssertionError("push of " + image + " failed: " + pushed);
        }
        TestEngines.request(host, "DELETE", "/images/" + image + "?force=1");
        return image;
    }

    private static boolean inRegistry(String registry) {
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                    HttpRequest.newBuilder(URI.create("http://" + registry + "/v2/" + REPOSITORY + "/manifests/" + TAG))
                            .header("Accept", "application/vnd.docker.distribution.manifest.v2+json")
                            .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An uncompressed tar with one file, {@code /big.bin}, of {@link #SIZE_BYTES} seeded random bytes. */
    static byte[] tar() {
        byte[] data = new byte[SIZE_BYTES];
        new Random(20261129L).nextBytes(data);
        return TestImages.tar("big.bin", data);
    }

    private static String post(String host, String path, String registryAuth, byte[] body) {
        return TestImages.post(host, path, registryAuth, body);
    }
}
