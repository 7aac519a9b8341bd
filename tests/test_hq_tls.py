"""Issue 12: `fieldapp-hq serve --ssl-certfile/--ssl-keyfile` serves HTTPS, and a device trusts
headquarters' self-signed certificate through a CA file (`fieldapp sync enroll/upload --ca-file`)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import time
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from tests.conftest import head_data, household_data, open_ledger
from tests.test_sync_e2e import Server

from fieldapp import cli
from fieldapp.hq import cli as hq_cli
from fieldapp.hq.store import HQ
from fieldapp.services import households


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by its own key, as an office without a CA would make."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "市总工会测试服务器")])
    now = dt.datetime.now(dt.UTC)  # the certificate must be valid by the real clock
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "hq-cert.pem", folder / "hq-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def test_https_serving_and_a_device_trusting_a_self_signed_certificate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    assert hq_cli.main(["--db", db_url, "init"]) == 0
    cert, key = self_signed(tmp_path)
    srv = Server(db_url, tmp_path)
    srv.extra = ["--ssl-certfile", str(cert), "--ssl-keyfile", str(key)]
    srv.url = srv.url.replace("http://", "https://")
    srv.start(wait=False)
    trust = ssl.create_default_context(cafile=str(cert))
    try:
        deadline = time.monotonic() + 20
        while True:
            assert srv.proc is not None and srv.proc.poll() is None, srv.log.read_text()
            try:
                assert httpx.get(f"{srv.url}/api/v1/health", verify=trust, timeout=1).status_code == 200
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, srv.log.read_text()
                time.sleep(0.1)
        # plain HTTP on the HTTPS port gets nothing
        with pytest.raises(httpx.HTTPError):
            httpx.get(srv.url.replace("https://", "http://") + "/api/v1/health", timeout=5)
        argv = [
            "--db",
            db_url,
            "enroll-device",
            "feixian",
            "--out",
            str(tmp_path / "l.json"),
            "--url",
            srv.url,
        ]
        assert hq_cli.main(argv) == 0
        letter = capsys.readouterr().out
        url = letter.split("联网登记地址：")[1].split()[0]
        fp = letter.split("市总工会公钥指纹：")[1].split()[0]
        assert url.startswith("https://127.0.0.1:")
        data_dir = tmp_path / "feixian"
        enrol = ["sync", "--data-dir", str(data_dir), "enroll", url, "--fingerprint", fp]
        # without the CA file the device refuses the certificate and says so
        assert cli.main(enrol) == 1
        err = capsys.readouterr().err
        assert "证书不受本机信任" in err and "--ca-file" in err
        assert cli.main([*enrol, "--ca-file", str(cert)]) == 0
        assert "登记成功" in capsys.readouterr().out
        assert (data_dir / "hq-ca.pem").read_bytes() == cert.read_bytes()  # kept for later uploads
        db = open_ledger(data_dir)
        households.create_household(db, household_data(), head_data())
        db.close()
        assert cli.main(["sync", "--data-dir", str(data_dir), "upload"]) == 0  # trusts the kept CA file
        assert "已上传 1 批" in capsys.readouterr().out
        hq = HQ(db_url)
        assert hq.status()["records"] >= 2
        hq.close()
    finally:
        srv.stop()


def test_serve_needs_both_certificate_and_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db_url = f"sqlite:///{(tmp_path / 'hq.sqlite').as_posix()}"
    cert, _key = self_signed(tmp_path)
    assert hq_cli.main(["--db", db_url, "serve", "--ssl-certfile", str(cert)]) == 2
    assert "同时给出" in capsys.readouterr().err
    assert (
        hq_cli.main(["--db", db_url, "serve", "--ssl-certfile", str(cert), "--ssl-keyfile", "none.pem"]) == 2
    )
    assert "找不到证书文件" in capsys.readouterr().err
