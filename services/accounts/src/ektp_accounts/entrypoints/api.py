"""HTTP API of the accounts service (port 8005): sign-in, refresh, sign-out, one's own
account, and the supervisor's management of staff accounts (DESIGN.md section 6)."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Path

from ektp_shared.app import create_app
from ektp_shared.audit_query import audit_router
from ektp_shared.db import transaction
from ektp_shared.openapi import problems
from ektp_shared.problems import Problem

from .. import handlers
from ..adapters import repository as repo
from ..bootstrap import build_runtime, on_started
from ..config import Settings
from ..domain.accounts import USERNAME_PATTERN
from . import schemas
from .deps import KeysDep, PasswordsDep, PoolDep, SettingsDep, SignedIn, Supervisor

router = APIRouter()
UsernamePath = Path(pattern=USERNAME_PATTERN, description="The account's username")


def _session(s: handlers.Session) -> schemas.SessionOut:
    a = s.account
    return schemas.SessionOut(
        access_token=s.access_token, expires_in=s.expires_in, refresh_token=s.refresh_token,
        refresh_expires_at=s.refresh_expires_at, role=s.role,
        user=schemas.Me(username=a.username, name=a.name, roles=a.roles,
                        role=s.role, must_change_password=a.must_change_password),
    )


# --- signing in and out (no token: the credentials are in the body) ------------------------


@router.post("/sign-in", tags=["sign-in"], response_model=schemas.SessionOut,
             responses=problems(401, 403, 423),
             summary="Sign in with username and password; an access token and a refresh "
                     "credential")
async def sign_in(body: schemas.SignInIn, pool: PoolDep, settings: SettingsDep,
                  keys: KeysDep, passwords: PasswordsDep) -> schemas.SessionOut:
    return _session(await handlers.sign_in(
        pool, settings, keys, passwords, username=body.username, password=body.password,
        role=body.role))


@router.post("/refresh", tags=["sign-in"], response_model=schemas.SessionOut,
             responses=problems(401),
             summary="A new access token (and a new refresh credential) while the sign-in "
                     "lives; refused for a disabled or locked account")
async def refresh(body: schemas.RefreshIn, pool: PoolDep, settings: SettingsDep,
                  keys: KeysDep) -> schemas.SessionOut:
    return _session(await handlers.refresh(pool, settings, keys,
                                           refresh_token=body.refresh_token, role=body.role))


@router.post("/sign-out", tags=["sign-in"], response_model=schemas.SignedOut,
             summary="End the sign-in: its refresh credential stops working")
async def sign_out(body: schemas.SignOutIn, pool: PoolDep) -> schemas.SignedOut:
    await handlers.sign_out(pool, refresh_token=body.refresh_token)
    return schemas.SignedOut()


# --- one's own account ------------------------------------------------------------------------


@router.get("/me", tags=["me"], response_model=schemas.Me, responses=problems(404),
            summary="Who this token is: name, roles, the role of the token")
async def me(who: SignedIn, pool: PoolDep) -> schemas.Me:
    async with pool.acquire() as conn:
        account = await repo.get(conn, who.user)
    if account is None:
        raise Problem(404, "No such account",
                      f"The token's user {who.user!r} has no account here (a token made by "
                      "`ektp token issue`?).", type="not-found")
    return schemas.Me(username=account.username, name=account.name,
                      roles=account.roles, role=who.role,
                      must_change_password=account.must_change_password)


@router.post("/me/password", tags=["me"], response_model=schemas.PasswordChanged,
             responses=problems(403),
             summary="Change one's own password; every sign-in of the account ends")
async def change_password(body: schemas.PasswordChangeIn, who: SignedIn, pool: PoolDep,
                          settings: SettingsDep,
                          passwords: PasswordsDep) -> schemas.PasswordChanged:
    ended = await handlers.change_own_password(
        pool, settings, passwords, who, current=body.current_password, new=body.new_password)
    return schemas.PasswordChanged(username=who.user, sessions_ended=ended)


# --- the supervisor's management of accounts ----------------------------------------------


@router.get("/users", tags=["users"], response_model=schemas.AccountList,
            summary="Every staff account")
async def list_users(who: Supervisor, pool: PoolDep) -> schemas.AccountList:
    async with pool.acquire() as conn:
        accounts = await repo.list_all(conn)
    return schemas.AccountList(accounts=[schemas.AccountOut.of(a) for a in accounts])


@router.post("/users", tags=["users"], status_code=201, response_model=schemas.AccountOut,
             responses=problems(409),
             summary="Make a staff account (only an admin makes an admin)")
async def create_user(body: schemas.AccountIn, who: Supervisor, pool: PoolDep,
                      settings: SettingsDep, passwords: PasswordsDep) -> schemas.AccountOut:
    async with transaction(pool) as conn:
        account = await handlers.create_account(
            conn, settings, passwords, who, username=body.username, name=body.name,
            roles=list(body.roles), password=body.password)
    return schemas.AccountOut.of(account)


@router.get("/users/{username}", tags=["users"], response_model=schemas.AccountOut,
            responses=problems(404), summary="One staff account")
async def get_user(who: Supervisor, pool: PoolDep,
                   username: str = UsernamePath) -> schemas.AccountOut:
    async with pool.acquire() as conn:
        account = await repo.get(conn, username)
    if account is None:
        raise Problem(404, "No such account", f"There is no account {username!r}.",
                      type="not-found")
    return schemas.AccountOut.of(account)


@router.patch("/users/{username}", tags=["users"], response_model=schemas.AccountOut,
              responses=problems(404, 409),
              summary="Change name, roles, or disable / enable an account")
async def change_user(body: schemas.AccountPatch, who: Supervisor, pool: PoolDep,
                      username: str = UsernamePath) -> schemas.AccountOut:
    async with transaction(pool) as conn:
        account = await handlers.change_account(
            conn, who, username, name=body.name,
            roles=list(body.roles) if body.roles is not None else None, status=body.status)
    return schemas.AccountOut.of(account)


@router.post("/users/{username}/unlock", tags=["users"], response_model=schemas.AccountOut,
             responses=problems(404), summary="Unlock an account locked by wrong passwords")
async def unlock_user(who: Supervisor, pool: PoolDep,
                      username: str = UsernamePath) -> schemas.AccountOut:
    async with transaction(pool) as conn:
        account = await handlers.unlock(conn, who, username)
    return schemas.AccountOut.of(account)


@router.post("/users/{username}/password-reset", tags=["users"],
             response_model=schemas.PasswordResetOut, responses=problems(404),
             summary="A temporary password for the account (shown once); every sign-in ends")
async def reset_password(who: Supervisor, pool: PoolDep, passwords: PasswordsDep,
                         username: str = UsernamePath) -> schemas.PasswordResetOut:
    async with transaction(pool) as conn:
        account, password = await handlers.reset_password(conn, passwords, who, username)
    return schemas.PasswordResetOut(username=account.username, temporary_password=password,
                                    must_change_password=account.must_change_password)


def build_app(settings: Settings | None = None, *, workers: bool = True) -> FastAPI:
    settings = settings or Settings()
    return create_app(
        title="e-KTP accounts (staff sign-in)",
        description="Office staff accounts, sign-in, and the tokens every service accepts.",
        runtime=build_runtime(settings), routers=[router, audit_router("accounts")],
        workers=workers,
        on_started=[on_started(settings)],
    )
