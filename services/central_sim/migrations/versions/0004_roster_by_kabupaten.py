"""The roster is paged per kabupaten: an index on (kabupaten of the desa, seq), so that a page
of one kabupaten does not walk the residents of every other the simulator holds."""

from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.execute("CREATE INDEX sim_population_kabupaten_seq "
               "ON sim_population (left(kode_desa, 5), seq)")


def downgrade() -> None:
    op.execute("DROP INDEX sim_population_kabupaten_seq")
