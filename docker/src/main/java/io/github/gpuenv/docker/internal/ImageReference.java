package io.github.gpuenv.docker.internal;

import io.github.gpuenv.docker.ImageNotFoundException;
import java.util.regex.Pattern;

/**
 * Docker's image reference grammar ({@code distribution/reference}: {@code [domain[:port]/]path[:tag][@digest]},
 * lowercase path components), checked before a name reaches docker-java: docker-java puts the name into request
 * paths unescaped (a {@code $} there is read as a regex group, {@code ../} walks the API path), so a name that is not
 * a reference fails here, typed, as {@code docker run} fails with "invalid reference format".
 *
 * <p>{@code ImageReference.require("pull " + image, image);}
 */
public final class ImageReference {

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile(NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");

    private ImageReference() {
    }

    /** Whether {@code image} is a valid reference. */
    public static boolean isValid(String image) {
        return image != null && image.length() <= 4096 && REFERENCE.matcher(image).matches();
    }

    /** {@code image}, or {@link ImageNotFoundException} saying it is not a reference. */
    public static String require(String attempted, String image) {
        if (!isValid(image)) {
            throw new ImageNotFoundException(attempted, "invalid reference format: '" + printable(image)
                    + "' is not an image reference", "use a reference such as registry.example:5000/team/image:tag"
                    + " (lowercase name, optional tag and @sha256 digest)", null);
        }
        return image;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
