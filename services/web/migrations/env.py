from ektp_shared.migrations_env import run

run()
