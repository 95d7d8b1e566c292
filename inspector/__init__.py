"""Return Inspector: the returns-inspection station for web-shop warehouses."""

__all__ = ["APP_NAME", "__version__"]

APP_NAME = "Return Inspector"
__version__ = "0.1.0"
