# Builds factcheck-server and the factcheck CLI on Debian 12 and runs the
# server with its data directory on a volume.
FROM debian:12 AS build
WORKDIR /src
COPY scripts/install-deps.sh scripts/
RUN ./scripts/install-deps.sh && rm -rf /var/lib/apt/lists/*
COPY . .
RUN rm -rf build && ./scripts/build.sh factcheck_server factcheck

FROM debian:12-slim
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends \
      libgrpc++1.51 libprotobuf32 librocksdb7.8 libabsl20220623 \
      libsimdjson14 libbz2-1.0 zlib1g libcpp-httplib0.11 \
 && rm -rf /var/lib/apt/lists/*
# The user and group factcheck, id 10001 both: the secrets mounted from the
# host are given to that group id (scripts/prepare-deploy.sh).
COPY scripts/add-service-user.sh /usr/local/sbin/
RUN /usr/local/sbin/add-service-user.sh /var/lib/factcheck
COPY --from=build /src/build/server/factcheck-server /src/build/client/factcheck /usr/local/bin/
COPY data/events.jsonl /usr/share/factcheck/events.jsonl
# Numeric, so that an orchestrator can tell it is not root.
USER 10001:10001
VOLUME /var/lib/factcheck
EXPOSE 50051 9090
# No TLS, tokens or reference data by default: the server then refuses a
# non-loopback address, so a container must be given --tls_cert,
# --tls_key and --tokens_file (docker-compose.yml does), or, for a trial
# only, --allow_unauthenticated_remote. The bundled events are at
# /usr/share/factcheck/events.jsonl, for --reference_file or the compose
# file's seed service. HTTP port (JSON API, /metrics, /healthz): HOST:9090,
# HTTPS with the same certificate as gRPC.
ENTRYPOINT ["factcheck-server", "--listen=0.0.0.0:50051", \
            "--http_listen=0.0.0.0:9090", \
            "--data_dir=/var/lib/factcheck"]
