from plugins.registry import PluginConfig


class TestDummyConfig(PluginConfig):
    name = "lms_testplugin"
    verbose_name = "Test dummy assessment"
    plugin = "lms_testplugin.plugin.TestDummyPlugin"

    class LMSPluginMeta:
        name = "Test dummy"
        author = "Cultura AP tests"
        version = "0.1.0"
        compatibility = "pacific-alliance-lms>=0.1"
