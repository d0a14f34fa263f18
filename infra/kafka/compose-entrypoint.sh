#!/bin/sh
# docker-compose's broker: the settings of server.properties.template (SASL/SCRAM-SHA-512 on
# every client listener, ACLs with no access by default, no topic created by use), with the
# listeners of the compose network. Formats the storage once with the admin's SCRAM
# credential, so the broker authenticates from its first start; then runs the broker.
# The password must be URL-safe characters (make secrets writes such).
set -eu
: "${KAFKA_ADMIN_PASSWORD:?run make secrets}"
umask 077
conf=/tmp/ektp-kafka
mkdir -p "$conf"
data=/var/lib/kafka/data
jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$KAFKA_ADMIN_PASSWORD\";"

sed -e 's|${kafka_port}|9092|g' -e 's|${controller_port}|9093|g' -e "s|\${log_dirs}|$data|g" \
    -e 's|${node_id}|1|g' -e 's|^${quorum}$|controller.quorum.bootstrap.servers=127.0.0.1:9093|' \
    -e 's|${replication_factor}|1|g' -e 's|${min_insync_replicas}|1|g' \
    -e '/^listener\.name\.sasl_plaintext\.scram-sha-512\.sasl\.jaas\.config=/d' \
    -e 's|^listeners=.*|listeners=SASL_PLAINTEXT://0.0.0.0:9092,CONTROLLER://127.0.0.1:9093,HOST://0.0.0.0:29092|' \
    -e 's|^advertised\.listeners=.*|advertised.listeners=SASL_PLAINTEXT://kafka:9092,CONTROLLER://127.0.0.1:9093,HOST://127.0.0.1:29092|' \
    -e 's|^listener\.security\.protocol\.map=.*|listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,HOST:SASL_PLAINTEXT|' \
    /opt/ektp/kafka/server.properties.template > "$conf/server.properties"
{
  echo "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=$jaas"
  echo "listener.name.host.scram-sha-512.sasl.jaas.config=$jaas"
} >> "$conf/server.properties"

# For the healthcheck and an engineer's `docker compose exec kafka` tools.
{
  echo "security.protocol=SASL_PLAINTEXT"
  echo "sasl.mechanism=SCRAM-SHA-512"
  echo "sasl.jaas.config=$jaas"
} > "$conf/admin.properties"

if [ ! -f "$data/meta.properties" ]; then
  /opt/kafka/bin/kafka-storage.sh format --standalone \
    -t "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" -c "$conf/server.properties" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$conf/server.properties"
