# Build: a static binary with the content, templates and assets embedded.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/serverorless . \
 && /out/serverorless check

# Run: no shell, no package manager, not root. The server writes nothing,
# so the container can run with a read-only root file system.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/serverorless /serverorless
USER nonroot:nonroot
ENV PORT=8080
EXPOSE 8080
# The image has no curl: the binary asks its own /healthz.
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 CMD ["/serverorless", "healthcheck"]
ENTRYPOINT ["/serverorless"]
