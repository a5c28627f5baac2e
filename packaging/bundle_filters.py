"""What the frozen builds leave out, shared by installer.spec and the size floor's spec
(bench/floor_bundle/floor.spec), so that both are trimmed the same way."""

from pathlib import PurePosixPath

# Modules the app never imports that PyInstaller would otherwise follow.
EXCLUDES = [
    "tkinter",
    "matplotlib.backends.backend_tkagg",
    "matplotlib.backends.backend_tkcairo",
    "matplotlib.backends._backend_tk",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebChannel",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQml",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.Qt3DCore",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtDesigner",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtSerialPort",
    "PySide6.QtXml",
    "IPython",
    "pytest",
    "hypothesis",
    # Reached only through optional imports of other packages; the app makes no network
    # connection and reads no YAML.
    "cryptography",
    "yaml",
    "requests",
    "urllib3",
    "certifi",
    "charset_normalizer",
    "docutils",
    "jedi",
    "setuptools",
]

# Qt plugins and libraries for platforms a desktop app never runs on (embedded EGL,
# framebuffer, VNC), input from raw devices, TLS and network status (the app makes no
# network connection). xcb and Wayland stay for Linux desktops, offscreen for --self-test.
UNUSED_QT = (
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqminimalegl",
    "platforms/libqvkkhrdisplay",
    "platforms/libqvnc",
    "egldeviceintegrations/",
    "plugins/generic/",
    "networkinformation/",
    "plugins/tls/",
    "libQt6EglFSDeviceIntegration",
    "libQt6EglFsKmsSupport",
)
GTK = (
    "platformthemes/libqgtk3",
    "libgtk-3",
    "libgdk-3",
    "libatk-",
    "libgdk_pixbuf",
    "libcairo-gobject",
    "libpango",
)


def wanted(entry) -> bool:
    dest = entry[0].replace("\\", "/")
    if "/translations/" in dest and not PurePosixPath(dest).name.startswith("qtbase_"):
        return False
    if any(part in dest for part in UNUSED_QT + GTK):
        return False
    return "__pycache__" not in dest


def keep_wanted(entries):
    return [entry for entry in entries if wanted(entry)]
