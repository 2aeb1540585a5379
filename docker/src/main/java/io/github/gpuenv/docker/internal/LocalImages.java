package io.github.gpuenv.docker.internal;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Image;
import io.github.gpuenv.docker.ContainerInterruptedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/** The images an engine already has, newest first, by their {@code repo:tag} names. */
public final class LocalImages {

    private LocalImages() {
    }

    /** The tagged images of the engine ({@code GET /images/json}), newest first; untagged ones are left out. */
    public static List<String> tags(EngineConnection connection) {
        String attempted = "list the engine's images";
        CompletableFuture<List<Image>> answer = BoundedRequest.send(() -> EngineFailures.retryOnStaleConnection(
                () -> connection.control().listImagesCmd().exec(), () -> { }));
        List<Image> images;
        try {
            images = BoundedRequest.await(answer, Optional.of(connection.requestTimeout()));
        } catch (TimeoutException e) {
            throw EngineFailures.noAnswer(connection, attempted, RunDeadline.after(Optional.empty()), "the image list", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerInterruptedException(attempted, "interrupted while listing images", e);
        } catch (DockerException e) {
            throw DaemonErrorMapper.map(attempted, DaemonErrorMapper.daemonText(e), e);
        } catch (RuntimeException e) {
            throw EngineFailures.unavailable(connection.endpoint(), attempted, e);
        }
        List<Image> sorted = new ArrayList<>(images == null ? List.of() : images);
        sorted.sort(Comparator.comparing((Image i) -> i.getCreated() == null ? 0L : i.getCreated()).reversed());
        List<String> tags = new ArrayList<>();
        for (Image image : sorted) {
            for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                if (tag != null && !tag.isBlank() && !tag.startsWith("<none>")) {
                    tags.add(tag);
                }
            }
        }
        return tags;
    }
}
