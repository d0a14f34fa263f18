"""Two database roles per service: the runtime DSN and the owner's, which migrates."""

from ektp_shared.config import ServiceSettings


def test_a_migration_url_without_a_database_means_the_services_own():
    s = ServiceSettings(database_url="postgresql://ektp_service:s%40cret@db:5432/ektp_sync",
                        migration_database_url="postgresql://ektp:own@db:5432")
    assert s.migration_dsn == "postgresql://ektp:own@db:5432/ektp_sync"
    assert s.database_role == "ektp_service"


def test_a_full_migration_url_is_taken_as_given_and_unset_means_one_role():
    full = "postgresql://ektp:own@db:5432/other"
    assert ServiceSettings(database_url="postgresql://a:b@db/x",
                           migration_database_url=full).migration_dsn == full
    one = ServiceSettings(database_url="postgresql://a:b@db/x", migration_database_url=None)
    assert one.migration_dsn == one.database_url
